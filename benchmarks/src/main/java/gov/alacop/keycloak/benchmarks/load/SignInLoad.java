package gov.alacop.keycloak.benchmarks.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * N virtual officers signing in over and over for a while, each in its own thread and browser session, as fast as the
 * server answers (no think time). Each officer signs in with accounts of its own, created first through the admin API
 * (password + authenticator app); an app code is accepted once, so an account signs in at most twice per 30-second
 * period (see {@link AppCodes}) and an officer with one account mostly waits for the next period: give officers
 * several accounts ({@link Settings#accountsPerOfficer}) to measure what the server can do. Measured after the warm-up:
 * the time of every step (HdrHistogram, microseconds), the sign-ins, the errors, and the CPU and memory of the given
 * Keycloak processes from /proc.
 */
public final class SignInLoad {

    private static final long MAX_MICROS = Duration.ofMinutes(10).toNanos() / 1000;
    private static final int ERROR_SAMPLES = 10;
    private static final int CREATION_THREADS = 4;

    private final Settings settings;
    private final HttpClient relyingParty = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final Map<Step, AtomicLong> errorsByStep = new EnumMap<>(Step.class);
    private final AtomicLong codeWaitMillis = new AtomicLong();
    private final AtomicLong staySignedInAsked = new AtomicLong();
    private volatile long measureFromNanos;
    private volatile long runStartNanos;

    private SignInLoad(Settings settings) {
        this.settings = settings;
        for (Step step : Step.values()) {
            errorsByStep.put(step, new AtomicLong());
        }
    }

    /** Creates the accounts, runs the officers for the warm-up and the duration, and returns what was measured. */
    public static LoadResult run(Settings settings) throws Exception {
        return new SignInLoad(settings).execute();
    }

    private LoadResult execute() throws Exception {
        String realmUrl = settings.baseUrl() + "/realms/" + settings.realm();
        AdminApi admin = new AdminApi(settings.baseUrl(), settings.realm(), settings.adminUsername(),
                settings.adminPassword());
        admin.allowRedirect(settings.clientId(), settings.redirectUri());
        Instant setupStart = Instant.now();
        List<List<SignInJourney.Account>> accounts = createAccounts(admin);
        Duration setup = Duration.between(setupStart, Instant.now());

        runStartNanos = System.nanoTime();
        measureFromNanos = runStartNanos + settings.warmup().toNanos();
        long deadline = measureFromNanos + settings.duration().toNanos();
        List<Officer> officers = new ArrayList<>();
        for (int i = 0; i < settings.officers(); i++) {
            officers.add(new Officer(new SignInJourney(realmUrl, settings.clientId(), settings.redirectUri(),
                    new BrowserSession(), relyingParty), accounts.get(i), deadline));
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < officers.size(); i++) {
            Thread thread = new Thread(officers.get(i), "officer-" + (i + 1));
            thread.start();
            threads.add(thread);
        }
        sleepUntil(measureFromNanos);
        Usage before = Usage.now(settings.keycloakPids());
        for (Thread thread : threads) {
            thread.join();
        }
        long endNanos = System.nanoTime();
        Usage after = Usage.now(settings.keycloakPids());

        Map<Step, Histogram> steps = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            Histogram merged = new Histogram(MAX_MICROS, 3);
            officers.forEach(officer -> merged.add(officer.histograms.get(step)));
            steps.put(step, merged);
        }
        Map<String, Long> byStep = new java.util.LinkedHashMap<>();
        errorsByStep.forEach((step, count) -> {
            if (count.get() > 0) {
                byStep.put(step.key(), count.get());
            }
        });
        return new LoadResult(settings, setup, Duration.ofNanos(endNanos - measureFromNanos),
                steps.get(Step.SIGN_IN).getTotalCount(), errors.get(), List.copyOf(errorSamples), byStep,
                staySignedInAsked.get(), Duration.ofMillis(codeWaitMillis.get()), steps, before, after);
    }

    /** Each officer's accounts, created in parallel (each creation hashes a password on the server). */
    private List<List<SignInJourney.Account>> createAccounts(AdminApi admin) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<List<SignInJourney.Account>> accounts = new ArrayList<>();
        List<Future<?>> created = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CREATION_THREADS);
        try {
            for (int officer = 1; officer <= settings.officers(); officer++) {
                List<SignInJourney.Account> own = new ArrayList<>();
                for (int n = 1; n <= settings.accountsPerOfficer(); n++) {
                    SignInJourney.Account account = new SignInJourney.Account("load" + run + "o" + officer + "a" + n,
                            "Load#" + UUID.randomUUID().toString().substring(0, 8) + "Aa1!", AppCodes.withRandomSecret());
                    own.add(account);
                    created.add(pool.submit(() -> {
                        admin.createOfficer(account.username(), account.password(), account.app().secret(),
                                settings.ori());
                        return null;
                    }));
                }
                accounts.add(own);
            }
            for (Future<?> creation : created) {
                creation.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return accounts;
    }

    private void recordError(SignInFailure failure) {
        errors.incrementAndGet();
        errorsByStep.get(failure.step()).incrementAndGet();
        if (errorSamples.size() < ERROR_SAMPLES) {
            long second = (System.nanoTime() - runStartNanos) / 1_000_000_000L;
            errorSamples.add("t=" + second + "s " + failure.step().key() + ": " + failure.getMessage());
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** One virtual officer: signs in again and again with the account whose next app code comes first. */
    private final class Officer implements Runnable {
        private final SignInJourney journey;
        private final List<SignInJourney.Account> accounts;
        private final long deadline;
        private final Map<Step, Histogram> histograms = new EnumMap<>(Step.class);

        Officer(SignInJourney journey, List<SignInJourney.Account> accounts, long deadline) {
            this.journey = journey;
            this.accounts = accounts;
            this.deadline = deadline;
            for (Step step : Step.values()) {
                histograms.put(step, new Histogram(MAX_MICROS, 3));
            }
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < deadline) {
                    SignInJourney.Account account = accounts.stream()
                            .min(Comparator.comparingLong(a -> a.app().lastPeriod())).orElseThrow();
                    double wait = account.app().secondsUntilNextCode(System.currentTimeMillis());
                    if (wait > 0) {
                        long waitMillis = (long) Math.ceil(wait * 1000) + 50;
                        if (System.nanoTime() + waitMillis * 1_000_000 >= deadline) {
                            return;
                        }
                        codeWaitMillis.addAndGet(waitMillis);
                        Thread.sleep(waitMillis);
                    }
                    long started = System.nanoTime();
                    try {
                        Map<Step, Long> took = journey.signIn(account);
                        if (took.containsKey(Step.STAY_SIGNED_IN)) {
                            staySignedInAsked.incrementAndGet();
                        }
                        if (started >= measureFromNanos) {
                            took.forEach((step, nanos) -> histograms.get(step)
                                    .recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1000))));
                        }
                    } catch (SignInFailure failure) {
                        recordError(failure);
                    } catch (RuntimeException e) {
                        recordError(new SignInFailure(Step.SIGN_IN, e.toString()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What to run. {@code baseUrl}: Keycloak as officers and the relying party reach it (the balancer of a cluster);
     * {@code keycloakPids}: the Keycloak JVMs whose CPU and memory are read (none: not measured).
     */
    public record Settings(String baseUrl, String realm, String clientId, String redirectUri, int officers,
            int accountsPerOfficer, Duration duration, Duration warmup, List<Long> keycloakPids, String adminUsername,
            String adminPassword, String ori, String label) {

        /** 50 officers with one account each for 5 minutes, no warm-up, realm alacop, client lets, admin/admin. */
        public static Settings of(String baseUrl) {
            return new Settings(baseUrl, "alacop", "lets", "http://127.0.0.1/alacop-load-benchmark/callback", 50, 1,
                    Duration.ofMinutes(5), Duration.ZERO, List.of(), "admin", "admin", "AL0010000", "load");
        }

        public Settings withOfficers(int officers, int accountsPerOfficer) {
            return new Settings(baseUrl, realm, clientId, redirectUri, officers, accountsPerOfficer, duration, warmup,
                    keycloakPids, adminUsername, adminPassword, ori, label);
        }

        public Settings withDuration(Duration duration, Duration warmup) {
            return new Settings(baseUrl, realm, clientId, redirectUri, officers, accountsPerOfficer, duration, warmup,
                    keycloakPids, adminUsername, adminPassword, ori, label);
        }

        public Settings withKeycloakPids(List<Long> pids) {
            return new Settings(baseUrl, realm, clientId, redirectUri, officers, accountsPerOfficer, duration, warmup,
                    List.copyOf(pids), adminUsername, adminPassword, ori, label);
        }

        /** Where the relying party ({@code clientId}) is sent back; registered as a valid redirect if it is not. */
        public Settings withRedirectUri(String redirectUri) {
            return new Settings(baseUrl, realm, clientId, redirectUri, officers, accountsPerOfficer, duration, warmup,
                    keycloakPids, adminUsername, adminPassword, ori, label);
        }

        public Settings withLabel(String label) {
            return new Settings(baseUrl, realm, clientId, redirectUri, officers, accountsPerOfficer, duration, warmup,
                    keycloakPids, adminUsername, adminPassword, ori, label);
        }
    }

    /** CPU ticks and memory of the Keycloak processes, the driver and the machine at one moment. */
    record Usage(List<Long> keycloakTicks, List<Long> keycloakRssKib, List<Long> keycloakPeakRssKib, long driverTicks,
            long machineBusyTicks, long machineTotalTicks) {

        static Usage now(List<Long> pids) {
            long[] machine = ProcessStats.machineTicks();
            return new Usage(pids.stream().map(ProcessStats::cpuTicks).toList(),
                    pids.stream().map(ProcessStats::rssKib).toList(),
                    pids.stream().map(ProcessStats::peakRssKib).toList(),
                    ProcessStats.cpuTicks(ProcessHandle.current().pid()), machine[0], machine[1]);
        }
    }
}
