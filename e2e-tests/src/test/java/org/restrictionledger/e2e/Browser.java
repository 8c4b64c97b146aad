package org.restrictionledger.e2e;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real headless Chromium for the browser tests. Where the browser comes from, in order:
 * <ol>
 *   <li>{@code -Dwebdriver.chrome.driver=…} / {@code -Drl.test.chrome.binary=…} when given;</li>
 *   <li>the distribution's packages ({@code /usr/bin/chromedriver} with {@code /usr/bin/chromium}: on Debian
 *   {@code apt-get install -y chromium chromium-driver}, which {@code .ci/run} does);</li>
 *   <li>otherwise Selenium Manager, which downloads Chrome for Testing and its driver (needs the internet).</li>
 * </ol>
 * When none works the test fails, saying what to install: a browser test is never skipped.
 */
final class Browser {

    private static final Path SCREENSHOTS = RunningProduct.ROOT.resolve("e2e-tests/target/screenshots");
    private static final int WIDTH = 1280;

    private Browser() {
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions().addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--window-size=" + WIDTH + ",900", "--lang=en-US");
        binary().ifPresent(binary -> options.setBinary(binary.toFile()));
        try {
            Optional<Path> driver = driver();
            if (driver.isPresent()) {
                return new ChromeDriver(new ChromeDriverService.Builder()
                        .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build(), options);
            }
            return new ChromeDriver(options);
        } catch (WebDriverException e) {
            throw new AssertionError("""
                    No headless Chromium could be started for the browser tests. Install one:
                      Debian/Ubuntu: apt-get install -y chromium chromium-driver
                      elsewhere: give Selenium Manager internet access (it downloads Chrome for Testing), or point
                      -Dwebdriver.chrome.driver=/path/to/chromedriver and -Drl.test.chrome.binary=/path/to/chrome
                    Cause: """ + e.getMessage(), e);
        }
    }

    /** Writes a screenshot of the whole page to {@code e2e-tests/target/screenshots/NAME.png}, for review. */
    static Path screenshot(ChromeDriver browser, String name) {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(height + 120, 6000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private static Optional<Path> driver() {
        return firstExecutable(System.getProperty("webdriver.chrome.driver"), "/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver", "/usr/local/bin/chromedriver");
    }

    private static Optional<Path> binary() {
        return firstExecutable(System.getProperty("rl.test.chrome.binary"), "/usr/bin/chromium",
                "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}
