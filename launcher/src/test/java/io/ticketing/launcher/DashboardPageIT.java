package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs): a
 * booking made over HTTP appears on the open page, and moves to CONFIRMED, without a reload. A screenshot of the
 * page is left in target/dashboard.png. The page's Content-Security-Policy, which every service sends, blocks nothing
 * it needs.
 */
@ExtendWith(SharedPlatform.class)
class DashboardPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static PlatformClient client;
    private static WebDriver browser;

    @BeforeAll
    static void openBrowser(PlatformClient platformClient) {
        client = platformClient;
        assertThat(CHROMIUM)
                .as("Chromium; install it with: apt-get install -y chromium chromium-driver")
                .exists();
        assertThat(CHROMEDRIVER)
                .as("ChromeDriver; install it with: apt-get install -y chromium-driver")
                .exists();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aBookingMadeElsewhereAppearsOnTheOpenPageAndMovesWithoutAReload() throws Exception {
        browser.get(client.baseUrl("booking-query") + "/dashboard");
        browser.findElement(By.id("email")).sendKeys(TestClients.ADMIN_EMAIL);
        browser.findElement(By.id("password")).sendKeys(TestClients.ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "live"));
        Object pageBefore = ((JavascriptExecutor) browser).executeScript("return window.performance.timeOrigin");

        User user = client.newUser();
        UUID show = client.newShow(10, "30.00");
        UUID booking = client.book(user, show, 2, "tok_visa");

        By row = By.cssSelector("tr[data-booking-id='" + booking + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-booking-id='" + booking + "'] td.status"), "CONFIRMED"));
        assertThat(browser.findElement(row).getText()).contains("60.00 EUR");
        // The totals and the chart follow the stream too.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#totals dd[data-status='CONFIRMED']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart rect")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.performance.timeOrigin"))
                .as("the page was not reloaded")
                .isEqualTo(pageBefore);
        Files.write(Path.of("target", "dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .as("the page's Content-Security-Policy blocks nothing it needs")
                .noneMatch(message -> message.contains("Content Security Policy"));
    }

    @Test
    void thePageIsServedWithAContentSecurityPolicy() throws Exception {
        HttpResponse<Void> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(client.baseUrl("booking-query") + "/dashboard/index.html"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'", "connect-src 'self' " + client.baseUrl("user-command"));
    }
}
