package com.vproptrader.ui.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The Plugins page: one grid row per plugin version. */
public final class PluginsPage extends Page {

    public PluginsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public PluginsPage open() {
        openAt("/plugins", "plugins-view");
        return this;
    }

    /** Rows the grid holds (from its data-rows attribute, set by the server on each update). */
    public int rows() {
        String v = driver.findElement(By.id("plugins-grid")).getAttribute("data-rows");
        return v == null ? 0 : Integer.parseInt(v);
    }

    public PluginsPage awaitRows(int atLeast) {
        waiting().until(d -> rows() >= atLeast && cells().stream().anyMatch(c -> !c.isEmpty()));
        return this;
    }

    /** Header and body cell texts in grid order (headers first). */
    public List<String> cells() {
        return gridCellTexts("plugins-grid");
    }

    public String counts() {
        return text("plugin-counts");
    }

    public CompliancePage goToCompliance() {
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='compliance']")).click();
        waiting().until(d -> !d.findElements(By.id("compliance-view")).isEmpty());
        return new CompliancePage(driver, baseUrl);
    }

    /**
     * Picks {@code jar} in the upload, gives the reason, sends it (as a shadow when asked), confirms, and returns
     * the host's answer.
     */
    public String upload(java.nio.file.Path jar, boolean shadow, String reason) {
        org.openqa.selenium.WebElement upload = driver.findElement(org.openqa.selenium.By.id("plugin-upload"));
        org.openqa.selenium.WebElement input = upload.findElements(org.openqa.selenium.By.cssSelector("input[type=file]"))
                .stream().findFirst()
                .orElseGet(() -> upload.getShadowRoot().findElement(org.openqa.selenium.By.cssSelector("input[type=file]")));
        input.sendKeys(jar.toAbsolutePath().toString());
        waiting().until(d -> text("plugin-result").contains("ready to send"));
        if (shadow) {
            driver.findElement(org.openqa.selenium.By.cssSelector("#plugin-as-shadow input")).click();
        }
        driver.findElement(org.openqa.selenium.By.cssSelector("#plugin-reason input")).sendKeys(reason);
        driver.findElement(org.openqa.selenium.By.id("plugin-send")).click();
        return confirmAndRead();
    }

    private String confirmAndRead() {
        String before = text("plugin-result");
        waiting().until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("vaadin-button[slot='confirm-button']")).isEmpty());
        driver.findElement(org.openqa.selenium.By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        waiting().until(d -> !text("plugin-result").equals(before));
        return text("plugin-result");
    }

    /**
     * Picks {@code pluginId} among the serving (or disabled) plugins, clicks {@code action} ("disable", "enable",
     * "rollback"), gives the reason in the operator dialog (the operator is the login) and returns the host's answer.
     */
    public String command(String action, String pluginId, String reason) {
        pickServing(pluginId);
        String before = text("plugin-result");
        driver.findElement(org.openqa.selenium.By.id("plugin-" + action)).click();
        waiting().until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#operator-name input")).isEmpty());
        driver.findElement(org.openqa.selenium.By.cssSelector("#operator-reason textarea")).sendKeys(reason);
        driver.findElement(org.openqa.selenium.By.id("operator-confirm")).click();
        waiting().until(d -> !text("plugin-result").equals(before));
        return text("plugin-result");
    }

    /** Whether the server enabled the plugin command button ({@code action}: disable, enable, rollback). */
    public boolean commandEnabled(String action) {
        return driver.findElement(org.openqa.selenium.By.id("plugin-" + action)).getAttribute("disabled") == null;
    }

    private void pickServing(String pluginId) {
        waiting().until(d -> text("plugin-serving-pick").contains("@")); // the select shows its label and the pick
        if (text("plugin-serving-pick").contains(pluginId + "@")) {
            return;
        }
        driver.findElement(org.openqa.selenium.By.id("plugin-serving-pick")).click();
        org.openqa.selenium.By item = org.openqa.selenium.By.xpath(
                "//vaadin-select-item[starts-with(normalize-space(.), '" + pluginId + "@')]");
        waiting().until(d -> d.findElements(item).stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed));
        driver.findElements(item).stream().filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElseThrow()
                .click();
        waiting().until(d -> text("plugin-serving-pick").contains(pluginId + "@"));
    }

    /** Waits until the host serves {@code version} of its (one) alpha. */
    public PluginsPage waitUntilServing(com.vproptrader.host.app.Host host, String version) {
        waiting().until(d -> host.plugins().current().alphas().stream().anyMatch(a -> a.version().equals(version)));
        return this;
    }

    /** Waits until a row of the grid reads {@code text}. */
    public PluginsPage awaitCell(String text) {
        waiting().until(d -> cells().contains(text));
        return this;
    }
}
