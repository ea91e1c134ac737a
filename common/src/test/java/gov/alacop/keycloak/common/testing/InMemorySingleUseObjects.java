package gov.alacop.keycloak.common.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Keycloak's SingleUseObjectProvider for unit tests: one map, entries expire with their lifespan on the test's
 * clock ({@link #advanceMillis}), {@code putIfAbsent} is atomic like the cluster-wide one.
 */
public final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(Map<String, String> notes, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final AtomicLong now;

    public InMemorySingleUseObjects(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    /** The clock the entries expire by, for the code under test to share. */
    public LongSupplier clock() {
        return now::get;
    }

    public long nowMillis() {
        return now.get();
    }

    public void advanceMillis(long millis) {
        now.addAndGet(millis);
    }

    /** Keys of the entries still alive (to check that no number or code sits in a key). */
    public synchronized Map<String, Map<String, String>> live() {
        expire();
        Map<String, Map<String, String>> live = new HashMap<>();
        entries.forEach((key, entry) -> live.put(key, entry.notes()));
        return live;
    }

    @Override
    public synchronized void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(Map.copyOf(notes), now.get() + lifespanSeconds * 1000));
    }

    @Override
    public synchronized Map<String, String> get(String key) {
        expire();
        Entry entry = entries.get(key);
        return entry == null ? null : entry.notes();
    }

    @Override
    public synchronized Map<String, String> remove(String key) {
        expire();
        Entry entry = entries.remove(key);
        return entry == null ? null : entry.notes();
    }

    @Override
    public synchronized boolean replace(String key, Map<String, String> notes) {
        expire();
        Entry entry = entries.get(key);
        if (entry == null) {
            return false;
        }
        entries.put(key, new Entry(Map.copyOf(notes), entry.expiresAtMillis()));
        return true;
    }

    @Override
    public synchronized boolean putIfAbsent(String key, long lifespanInSeconds) {
        expire();
        if (entries.containsKey(key)) {
            return false;
        }
        entries.put(key, new Entry(Map.of(), now.get() + lifespanInSeconds * 1000));
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        expire();
        return entries.containsKey(key);
    }

    @Override
    public void close() {
    }

    private void expire() {
        long current = now.get();
        entries.values().removeIf(entry -> entry.expiresAtMillis() <= current);
    }
}
