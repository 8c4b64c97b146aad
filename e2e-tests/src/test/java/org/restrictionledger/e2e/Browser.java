package org.restrictionledger.e2e;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Clicks a map shape where it is drawn, as a person would: the middle of its bounding box may be another country
     * (Russia's box spans the map, since Chukotka is drawn on the far side).
     */
    static void clickOn(ChromeDriver browser, WebElement shape) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) browser.executeScript("""
                const shape = arguments[0];
                shape.scrollIntoView({block: 'center'});
                const box = shape.getBoundingClientRect();
                const on = (x, y) => {
                  const hit = document.elementFromPoint(x, y);
                  return hit !== null && (hit === shape || hit.closest('a') === shape);
                };
                // A whole point well inside the shape, not on its edge.
                for (let i = 1; i < 40; i++) {
                  for (let j = 1; j < 40; j++) {
                    const x = Math.round(box.left + box.width * j / 40), y = Math.round(box.top + box.height * i / 40);
                    if (on(x, y) && on(x - 5, y) && on(x + 5, y) && on(x, y - 5) && on(x, y + 5)) {
                      return [x, y];
                    }
                  }
                }
                return null;""", shape);
        if (point == null) {
            throw new AssertionError("no visible point of " + shape + " to click on");
        }
        new Actions(browser).moveToLocation(point.get(0).intValue(), point.get(1).intValue()).click().perform();
    }

    /** Presses Tab until the focused element matches {@code css}, as a keyboard user moves through the page. */
    static WebElement tabTo(ChromeDriver browser, String css) {
        for (int i = 0; i < 60; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if ((Boolean) browser.executeScript("return arguments[0].matches(arguments[1])", focused, css)) {
                return focused;
            }
        }
        throw new AssertionError("60 presses of Tab never reached " + css);
    }

    /** What the page says about itself, and what the browser logged, for a failure message. */
    static String diagnosis(ChromeDriver browser) {
        StringBuilder text = new StringBuilder("url ").append(browser.getCurrentUrl())
                .append("; status line: ").append(((JavascriptExecutor) browser)
                        .executeScript("const l = document.getElementById('live'); return l ? l.dataset.state + ' / ' + l.textContent : 'none'"))
                .append("; console:");
        browser.manage().logs().get(LogType.BROWSER).forEach(entry -> text.append("\n  ").append(entry));
        return text.toString();
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
