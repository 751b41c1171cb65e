package com.getpaidx.orgs.support;

import java.util.List;

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
 * The system Chromium is used when present; otherwise Playwright's own, installed by Playwright on
 * first use ({@link ChromiumChoice}). A browser that cannot start fails the test, never skips it.
 */
public final class Browser implements AutoCloseable {

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
        ChromiumChoice choice = ChromiumChoice.of(System.getenv());
        Playwright playwright;
        try {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(choice.driverEnv()));
        }
        catch (RuntimeException e) { // Playwright could not install its browser (offline, say)
            throw new IllegalStateException(choice.failure(System.getenv()), e);
        }
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
        choice.system().ifPresent(options::setExecutablePath);
        try {
            return new Browser(playwright, playwright.chromium().launch(options));
        }
        catch (PlaywrightException e) {
            playwright.close();
            throw new IllegalStateException(choice.failure(System.getenv()), e);
        }
    }

    /**
     * A page in a new, empty context (its own cookies: another person) whose relative URLs resolve
     * against {@code baseUrl}. Copy buttons may use the clipboard.
     */
    public Page newPage(String baseUrl) {
        return newPage(baseUrl, options -> { });
    }

    /** As {@link #newPage(String)}, with the context's options changed first (a phone's viewport, no JavaScript). */
    public Page newPage(String baseUrl, java.util.function.Consumer<com.microsoft.playwright.Browser.NewContextOptions> change) {
        var options = new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setPermissions(List.of("clipboard-read", "clipboard-write"));
        change.accept(options);
        BrowserContext context = chromium.newContext(options);
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
