package gov.alacop.keycloak.it.support;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each test method that asks for one a fresh headless Chromium; a failing test leaves a last screenshot. */
final class BrowserExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Path dir = ItSettings.outputDir().resolve("screenshots")
                .resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName() + invocationSuffix(context));
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, key -> Browser.open(dir), Browser.class);
    }

    /** "-2" for the second run of a parameterized test, so its screenshots do not overwrite the first's. */
    private static String invocationSuffix(ExtensionContext context) {
        String id = context.getUniqueId();
        int hash = id.lastIndexOf("-invocation:#");
        return hash < 0 ? "" : "-" + id.substring(hash + "-invocation:#".length()).replaceAll("\\D", "");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser != null && context.getExecutionException().isPresent()) {
            browser.screenshot("failure");
        }
        // The store closes the browser (AutoCloseable) when the test method's context ends.
    }
}
