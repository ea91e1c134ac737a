package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (fetched from the npm registry by the build, see integration-tests/pom.xml) run inside the page the
 * browser shows, at desktop and phone widths. Reports the violations a WCAG 2.1 AA page must not have, plus content
 * that does not reflow at phone width (1.4.10).
 */
public final class Axe {

    /** Impacts that fail the build. */
    public static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
              .then(result => done(JSON.stringify(result.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))})))))
              .catch(error => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}])));
            """;

    private static String source;

    private Axe() {
    }

    /**
     * Checks the current page at desktop and phone widths (a screenshot of each) and returns every serious or
     * critical violation, described for a failure message; empty when the page passes.
     */
    public static List<String> blockingViolations(Browser browser, String page) {
        List<String> found = new ArrayList<>();
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            String width = size.equals(Browser.PHONE) ? "phone" : "desktop";
            browser.resize(size);
            browser.screenshot(page + "-" + width);
            if (size.equals(Browser.PHONE) && scrollsSideways(browser)) {
                found.add(page + " (" + width + "): reflow [serious] content wider than the screen (WCAG 1.4.10, "
                        + "which is also what 400% zoom of a 1280 px window needs)");
            }
            for (JsonNode violation : run(browser)) {
                if (BLOCKING.contains(violation.path("impact").asText())) {
                    found.add(page + " (" + width + "): " + violation.path("id").asText() + " ["
                            + violation.path("impact").asText() + "] " + violation.path("help").asText() + " at "
                            + violation.path("nodes"));
                }
            }
        }
        browser.resize(Browser.DESKTOP);
        return found;
    }

    private static boolean scrollsSideways(Browser browser) {
        Object wider = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(wider);
    }

    private static JsonNode run(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(source());
        Object result = js.executeAsyncScript(RUN);
        try {
            return JSON.readTree(String.valueOf(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            String configured = System.getProperty("alacop.it.axe");
            if (configured == null || !Files.isRegularFile(Path.of(configured))) {
                throw new IllegalStateException("axe-core not found at " + configured
                        + ": run the tests through Maven, which fetches it with npm (node and npm must be installed).");
            }
            try {
                source = Files.readString(Path.of(configured));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
