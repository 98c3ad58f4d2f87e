package com.vproptrader.ui.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object needs: the driver, waits, and reading a Vaadin grid's cells. */
public abstract class Page {

    static final Duration TIMEOUT = Duration.ofSeconds(45);
    final WebDriver driver;
    final String baseUrl;

    Page(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    void openAt(String path, String readyId) {
        driver.get(baseUrl + path);
        new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(By.id(readyId)));
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText().trim();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, TIMEOUT);
    }

    /** Texts of the rendered body cells of the grid with {@code gridId}, row by row. */
    List<String> gridCellTexts(String gridId) {
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }

    /** Rows the grid with {@code gridId} holds (its data-rows attribute, set by the page). */
    public int rows(String gridId) {
        String v = driver.findElement(By.id(gridId)).getAttribute("data-rows");
        return v == null ? 0 : Integer.parseInt(v);
    }

    /** The header's "last update ..." text, shown while the host is unreachable. */
    public String lastUpdate() {
        return text("host-last-update");
    }

    /** The host the header's selector shows. */
    public String selectedHost() {
        return driver.findElement(By.id("host-selector")).getAttribute("data-host");
    }

    /** Picks {@code target} in the header's host selector; the page reloads on that host. */
    public void selectHost(String target) {
        driver.findElement(By.id("host-selector")).click();
        waiting().until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(i -> i.getText().trim().equals(target)));
        driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.getText().trim().equals(target)).findFirst().orElseThrow().click();
        // The page reloads on the new host: the selector read mid-reload may be gone, stale, or (chromedriver's
        // "node does not belong to the document") neither, so any driver error is one more try until the wait ends.
        waiting().ignoring(org.openqa.selenium.WebDriverException.class).until(d -> target.equals(selectedHost()));
    }

    /** The "name · role" of the login, from the header. */
    public String currentUser() {
        return text("current-user");
    }

    /** Logs out from the header; the browser lands on the login page. */
    public LoginPage logout() {
        driver.findElement(By.id("logout")).click();
        waiting().until(d -> !d.findElements(By.id("login-view")).isEmpty());
        return new LoginPage(driver, baseUrl);
    }

    /** The host link badge in the header (every page has it). */
    String hostLink() {
        return text("host-link");
    }
}
