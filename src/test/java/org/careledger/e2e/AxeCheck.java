package org.careledger.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The page shown now, checked by axe-core (Deque, MPL-2.0; its {@code axe.min.js} comes from the
 * test-scoped {@code com.deque.html.axe-core:selenium} jar, whose Java API is not used): the
 * violations of impact {@code serious} or {@code critical}, each with its rule, impact, the elements
 * it found and the rule's help page. axe walks open shadow roots, so Vaadin's components are checked
 * as the browser shows them.
 *
 * <p>axe is injected with WebDriver's executeScript, which Chromium does not hold to the page's
 * Content-Security-Policy; {@link BrowserSupport} would report it if it did.
 */
final class AxeCheck {

    /** A serious or critical finding: the rule, how bad, where, and where to read about it. */
    record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {

        /** Serious and critical violations fail the sweep; moderate and minor ones are only listed beside the screenshots. */
        boolean fails() {
            return FAILING_IMPACTS.contains(impact);
        }

        @Override
        public String toString() {
            String where = String.join(", ", targets.subList(0, Math.min(5, targets.size())))
                    + (targets.size() > 5 ? " and " + (targets.size() - 5) + " more" : "");
            return rule + " [" + impact + "] " + help + " — " + where + " — " + helpUrl;
        }
    }

    /**
     * Findings that are Vaadin's, not ours, each with its reason. Only a rule and a target that is
     * inside one of Vaadin's components qualify; a finding on our own markup is never listed here.
     */
    private record Allowed(String rule, String targetContains, String reason) {
        boolean covers(String rule, String target) {
            return this.rule.equals(rule) && target.contains(targetContains);
        }
    }

    // Empty on purpose: with Vaadin 24.9.14 the sweep met no serious or critical finding inside a
    // Vaadin component's shadow DOM. (The one serious finding it met, Vaadin's default not-found page
    // without a <title>, was ours to mend, and PageNotFoundView did.) An entry names the rule, a piece
    // of the target selector inside Vaadin's shadow DOM (" >>> "), and why it is Vaadin's, with its issue.
    private static final List<Allowed> VAADINS_OWN = List.of();

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static final String AXE = axeSource();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
                .then(results => done(results.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                    targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' >>> '))
                }))))
                .catch(e => done('axe failed: ' + e));
            """;

    private AxeCheck() {
    }

    /** The violations of the page shown now, of every impact, less Vaadin's own listed ones. */
    static List<Violation> violationsOf(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AXE);
        }
        Object result = js.executeAsyncScript(RUN);
        if (result instanceof String failure) {
            throw new IllegalStateException(failure + " at " + driver.getCurrentUrl());
        }
        List<Violation> found = new ArrayList<>();
        for (Object o : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) o;
            String rule = String.valueOf(v.get("id"));
            String impact = String.valueOf(v.get("impact"));
            List<String> targets = ((List<?>) v.get("targets")).stream().map(String::valueOf)
                    .filter(t -> VAADINS_OWN.stream().noneMatch(a -> a.covers(rule, t)))
                    .toList();
            if (!targets.isEmpty()) {
                found.add(new Violation(rule, impact, String.valueOf(v.get("help")), String.valueOf(v.get("helpUrl")), targets));
            }
        }
        return found;
    }

    private static String axeSource() {
        try (InputStream in = AxeCheck.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
