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

    /** "name · role" of the login, from the header. */
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
