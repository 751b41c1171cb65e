package com.getpaidx.orgs.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;

/**
 * One headless Chromium per test class, a fresh {@link BrowserContext} (cookies, storage) per test:
 *
 * <pre>
 * static Browser browser;
 * &#64;BeforeAll static void launch() { browser = Browser.launch(); }
 * &#64;AfterAll static void quit() { browser.close(); }
 * &#64;BeforeEach void open() { page = browser.newPage(api.baseUrl()); }
 * &#64;AfterEach void closePage() { browser.closeContext(); }
 * </pre>
 *
 * The system {@code /usr/bin/chromium} is used when present; otherwise Playwright's own browser,
 * which must already be installed: nothing is ever downloaded, and a missing browser fails the test
 * rather than skipping it.
 */
public final class Browser implements AutoCloseable {

    static final Path SYSTEM_CHROMIUM = Paths.get("/usr/bin/chromium");

    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new java.util.ArrayList<>();

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch() {
        // Without this in the driver's own environment, Playwright downloads browsers even when given an executable.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
        boolean system = Files.isExecutable(SYSTEM_CHROMIUM);
        if (system) {
            options.setExecutablePath(SYSTEM_CHROMIUM);
        }
        try {
            return new Browser(playwright, playwright.chromium().launch(options));
        }
        catch (PlaywrightException e) {
            playwright.close();
            throw new IllegalStateException(system
                    ? "Chromium at " + SYSTEM_CHROMIUM + " did not start"
                    : "No Chromium at " + SYSTEM_CHROMIUM + " (apt-get install chromium) and no browser of"
                            + " Playwright's own installed; browser tests never download one", e);
        }
    }

    /**
     * A page in a new, empty context (its own cookies: another person) whose relative URLs resolve
     * against {@code baseUrl}. Copy buttons may use the clipboard.
     */
    public Page newPage(String baseUrl) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setPermissions(List.of("clipboard-read", "clipboard-write")));
        contexts.add(context);
        return context.newPage();
    }

    /** Closes every context opened since the last call. */
    public void closeContext() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void close() {
        closeContext();
        try {
            chromium.close();
        }
        finally {
            playwright.close();
        }
    }
}
