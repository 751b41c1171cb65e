package com.getpaidx.orgs.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.webjars.WebJarVersionLocator;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser tests check on every page they care about: axe-core (the webjar, injected into the page) finds
 * no serious or critical violation, nothing scrolls sideways, and a screenshot lands under target/screenshots/.
 * Also the keyboard: {@link #tabTo} reaches an element with the Tab key alone.
 */
public final class Accessibility {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = axeSource();

    private Accessibility() {
    }

    /** The serious and critical axe violations of the page as it is now, one line each (rule, help, where). */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        if (!"object".equals(page.evaluate("() => typeof window.axe"))) {
            page.evaluate(AXE); // through DevTools, so the page's CSP (no inline or eval'd script) does not apply
        }
        return (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
    }

    public static void assertAccessible(Page page, String what) {
        assertThat(seriousViolations(page)).as("serious or critical axe violations on " + what).isEmpty();
    }

    /** The document is no wider than the window: nothing scrolls sideways. */
    public static void assertNoSidewaysScroll(Page page, String what) {
        Object widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        List<?> both = (List<?>) widths;
        assertThat(((Number) both.get(0)).intValue()).as("scrollWidth of " + what + " (clientWidth " + both.get(1) + ")")
                .isLessThanOrEqualTo(((Number) both.get(1)).intValue());
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Presses Tab until {@code target} has the focus (at most 300 times), as a keyboard-only person would. */
    public static void tabTo(Page page, Locator target) {
        for (int i = 0; i < 300; i++) {
            if (Boolean.TRUE.equals(target.evaluate("e => e === document.activeElement"))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + target);
    }

    private static String axeSource() {
        String path = new WebJarVersionLocator().path("axe-core", "axe.min.js");
        try (InputStream in = Accessibility.class.getResourceAsStream("/META-INF/resources/webjars/" + path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath (" + path + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
