package org.restrictionledger.e2e;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status page in a real headless Chromium against the packaged services, with the sample data loaded through the
 * ingest API: what a reader sees at {@code /} on the query service, and what a report does to an open page.
 * Screenshots of each page: {@code e2e-tests/target/screenshots/}.
 */
class StatusPageIT {

    private static final RunningProduct PRODUCT = RunningProduct.get();
    private static ChromeDriver browser;

    @BeforeAll
    static void loadAndOpen() {
        SampleDataOnce.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(query())
                .when().get("/api/v1/countries/RU/platforms/whatsapp").then().extract().statusCode() == 200);
        browser = Browser.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String query() {
        return PRODUCT.url(RunningProduct.Service.QUERY);
    }

    @Test
    void theMapShowsRussiaBlockedAndLeadsToWhatsappBlockedAndItsFine() {
        browser.get(query() + "/");
        WebElement russia = browser.findElement(By.cssSelector("#map a.country[data-country='RU']"));
        assertEquals("BLOCKED", russia.getAttribute("data-status"));
        assertTrue(russia.getAttribute("aria-label").startsWith("Russia: Blocked"), russia.getAttribute("aria-label"));
        assertEquals("Blocked", cellText("#countries tr[data-country='RU'] .badge"));
        Browser.screenshot(browser, "world");

        Browser.clickOn(browser, russia);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/countries/RU"));
        assertEquals("Blocked", cellText("#platforms tr[data-platform='whatsapp'] .badge"));
        List<WebElement> fines = browser.findElements(By.cssSelector("#fines tbody tr"));
        assertEquals(1, fines.size());
        assertEquals("WhatsApp", fines.get(0).findElement(By.cssSelector("th")).getText());
        assertEquals("amount not reported", fines.get(0).findElement(By.cssSelector("td.num")).getText());
        assertTrue(browser.findElements(By.cssSelector("#timeline tbody tr")).size() >= 10);
        Browser.screenshot(browser, "country-RU");
    }

    @Test
    void theDateControlBeforeTheBlockShowsWhatsappNotBlocked() {
        browser.get(query() + "/countries/RU");
        WebElement date = browser.findElement(By.id("asOf"));
        date.sendKeys("01152026"); // Chromium in en-US: month, day, year
        assertEquals("2026-01-15", date.getDomProperty("value"));
        browser.findElement(By.cssSelector("form.filters button[type='submit']")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/countries/RU?asOf=2026-01-15"));
        String whatsapp = cellText("#platforms tr[data-platform='whatsapp'] .badge");
        assertEquals("Restricted", whatsapp, "before the block of February 2026: the feature limit and the delisting");
        assertEquals("Open", cellText("#platforms tr[data-platform='max'] .badge"),
                "MAX was promoted in February 2026, after that day: on record, and open then");
        Browser.screenshot(browser, "country-RU-2026-01-15");
    }

    @Test
    void aReportSubmittedThroughTheApiAppearsOnTheOpenPageWithoutReload() {
        browser.get(query() + "/");
        JavascriptExecutor js = browser;
        js.executeScript("window.openedOnce = true");
        // The page swaps its map and tables in place: an element read mid-swap is stale, so read it again.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> "open".equals(
                browser.findElement(By.id("live")).getAttribute("data-state")));
        assertTrue(browser.findElements(By.cssSelector("#countries tr[data-country='MN']")).isEmpty());

        Reports.submitAndAwait("""
                {"type": "restriction.imposed", "country": "Mongolia", "platform": "Telegram", "measure": "FULL_BLOCK",
                 "authority": "Ministry of Culture", "reason": "status page live test", "effective": "2026-03-01",
                 "sources": [{"url": "https://example.org/mn-telegram"}]}""", "ACCEPTED");

        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "BLOCKED".equals(browser
                    .findElement(By.cssSelector("#map [data-country='MN']")).getAttribute("data-status")));
        } catch (ConditionTimeoutException e) {
            Browser.screenshot(browser, "world-live-failed");
            throw new AssertionError("the open page did not show MN BLOCKED; " + Browser.diagnosis(browser), e);
        }
        assertEquals("Blocked", cellText("#countries tr[data-country='MN'] .badge"));
        assertEquals(Boolean.TRUE, js.executeScript("return window.openedOnce === true"), "the page was not reloaded");
        assertTrue(browser.findElement(By.id("live")).getText().contains("MN/telegram"));
        Browser.screenshot(browser, "world-live");
    }

    @Test
    void thePlatformPageShowsWhatsappCountryByCountryAndItsMapWorksFromTheKeyboard() {
        browser.get(query() + "/platforms/whatsapp");
        assertEquals("Blocked", cellText("#countries tr[data-country='RU'] .badge"));
        assertEquals("BLOCKED", browser.findElement(By.cssSelector("#map a.country[data-country='RU']"))
                .getAttribute("data-status"));
        Browser.screenshot(browser, "platform-whatsapp");

        Browser.tabTo(browser, "#map a.country[data-country='RU']").sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/countries/RU"));
    }

    private static String cellText(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }
}
