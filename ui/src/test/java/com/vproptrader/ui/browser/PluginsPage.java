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
}
