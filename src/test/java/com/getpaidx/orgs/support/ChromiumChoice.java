package com.getpaidx.orgs.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which Chromium the browser tests drive: the system's when one is installed (nothing is downloaded
 * then), otherwise Playwright's own, which Playwright installs on first use where the network allows.
 * When neither starts, {@link #failure} names both remedies; a browser test is never skipped.
 */
record ChromiumChoice(Optional<Path> system, Map<String, String> driverEnv) {

    static final String SKIP_DOWNLOAD = "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD";

    /** Where operating systems put Chromium or Chrome; {@code GETPAIDX_CHROMIUM} names another. */
    static final List<Path> KNOWN = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"), Path.of("/snap/bin/chromium"),
            Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
            Path.of("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"));

    static final String INSTALL_COMMAND = "./mvnw exec:java -Dexec.classpathScope=test"
            + " -Dexec.mainClass=com.microsoft.playwright.CLI -Dexec.args=\"install --with-deps chromium\"";

    static ChromiumChoice of(Map<String, String> env) {
        return of(env, KNOWN, Files::isExecutable);
    }

    static ChromiumChoice of(Map<String, String> env, List<Path> known, Predicate<Path> executable) {
        String named = env.get("GETPAIDX_CHROMIUM");
        Optional<Path> system = (named == null || named.isBlank() ? known.stream() : java.util.stream.Stream.of(
                Path.of(named))).filter(executable).findFirst();
        // Playwright downloads its browsers when its driver starts unless told not to, even when given an
        // executable: with a system Chromium it is told not to; without one, the environment decides.
        return new ChromiumChoice(system, system.isPresent() ? Map.of(SKIP_DOWNLOAD, "1") : Map.of());
    }

    String failure(Map<String, String> env) {
        if (system.isPresent()) {
            return "Chromium at " + system.get() + " did not start. Reinstall it (apt-get install chromium on"
                    + " Debian), or point GETPAIDX_CHROMIUM at another, or remove it to use Playwright's own: "
                    + INSTALL_COMMAND;
        }
        String skipped = "1".equals(env.get(SKIP_DOWNLOAD)) || "true".equals(env.get(SKIP_DOWNLOAD))
                ? " (" + SKIP_DOWNLOAD + " is set, so Playwright did not download one)" : "";
        return "No Chromium could start" + skipped + ". Either install the system package (apt-get install"
                + " chromium, brew install --cask chromium, or set GETPAIDX_CHROMIUM to a Chrome/Chromium binary),"
                + " or install Playwright's own: " + INSTALL_COMMAND;
    }
}
