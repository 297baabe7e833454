package com.coworkly.systemtests.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's Chromium, headless, driven through its ChromeDriver: a real browser for the pages the services serve.
 * Its console is recorded, so that a test can require a page to load without errors. When Chromium is missing
 * the test fails rather than skips: {@code .ci/run} installs it.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start() {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new AssertionError(executable + " is missing: the page tests need Debian's Chromium and its "
                        + "driver. .ci/run installs them (apt-get install -y chromium chromium-driver).");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Clicks a form's button and waits until the page it leads to has replaced this one. ChromeDriver's click
     * returns once the click is dispatched, not once the form's answer has loaded, so reading the page right after
     * a bare click can still see the old one.
     */
    public void submitWith(By button) {
        WebElement current = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.and(
                        ExpectedConditions.stalenessOf(current),
                        page -> "complete".equals(driver.executeScript("return document.readyState"))));
    }

    /** Everything the pages wrote to the console at SEVERE (errors, failed loads, refused policies) so far. */
    public List<String> consoleErrors() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        return console.stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    /** Forgets the console so far and the cookies of the current site, as a fresh visitor. */
    public void forgetEverything() {
        driver.manage().logs().get(LogType.BROWSER);
        console.clear();
        driver.manage().deleteAllCookies();
    }

    /** A screenshot of the whole page, as tall as its content. */
    public void screenshot(Path file) {
        // Twice: the first resize can change the layout's height (a scroll bar disappears).
        for (int i = 0; i < 2; i++) {
            Object height = driver.executeScript("return document.documentElement.scrollHeight");
            Object chrome = driver.executeScript("return window.outerHeight - window.innerHeight");
            driver.manage()
                    .window()
                    .setSize(new org.openqa.selenium.Dimension(
                            1280, Math.min(8000, ((Number) height).intValue() + ((Number) chrome).intValue() + 16)));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot to " + file, e);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
