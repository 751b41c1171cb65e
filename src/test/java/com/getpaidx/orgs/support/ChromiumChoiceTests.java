package com.getpaidx.orgs.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChromiumChoiceTests {

    private static final List<Path> KNOWN = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/google-chrome"));

    private static ChromiumChoice choose(Map<String, String> env, Path... installed) {
        Set<Path> present = Set.of(installed);
        return ChromiumChoice.of(env, KNOWN, present::contains);
    }

    @Test
    void aSystemChromiumIsUsedAndNothingIsDownloaded() {
        ChromiumChoice choice = choose(Map.of(), Path.of("/usr/bin/google-chrome"));
        assertThat(choice.system()).contains(Path.of("/usr/bin/google-chrome"));
        assertThat(choice.driverEnv()).containsEntry("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    }

    @Test
    void theFirstKnownPlaceWins() {
        assertThat(choose(Map.of(), KNOWN.get(1), KNOWN.get(0)).system()).contains(KNOWN.get(0));
    }

    @Test
    void withoutOnePlaywrightMayInstallItsOwn() {
        ChromiumChoice choice = choose(Map.of());
        assertThat(choice.system()).isEmpty();
        assertThat(choice.driverEnv()).doesNotContainKey("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD");
    }

    @Test
    void aNamedBrowserIsUsedOnlyWhenItExists() {
        Path named = Path.of("/opt/chrome/chrome");
        assertThat(choose(Map.of("GETPAIDX_CHROMIUM", named.toString()), named).system()).contains(named);
        assertThat(choose(Map.of("GETPAIDX_CHROMIUM", named.toString()), KNOWN.get(0)).system()).isEmpty();
    }

    @Test
    void aFailureNamesBothRemedies() {
        String message = choose(Map.of()).failure(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        assertThat(message).contains("apt-get install chromium")
                .contains("-Dexec.mainClass=com.microsoft.playwright.CLI -Dexec.args=\"install --with-deps chromium\"")
                .contains("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set");
        assertThat(choose(Map.of(), KNOWN.get(0)).failure(Map.of())).contains(KNOWN.get(0).toString())
                .contains("install --with-deps chromium");
    }
}
