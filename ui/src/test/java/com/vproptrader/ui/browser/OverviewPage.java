package com.vproptrader.ui.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The Overview page as an operator reads it. */
public final class OverviewPage extends Page {

    public OverviewPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public OverviewPage open() {
        openAt("/", "overview-view");
        return this;
    }

    /** Waits until the host link is up and the first status shows. */
    public OverviewPage awaitConnected() {
        waiting().until(d -> hostLink().contains("connected") && !hostLink().contains("dis") && ticks() >= 0
                && !text("balance-value").equals("–"));
        return this;
    }

    public long ticks() {
        return number("ticks-value");
    }

    public long signals() {
        return number("signals-value");
    }

    public long fills() {
        return number("fills-value");
    }

    public String balance() {
        return text("balance-value");
    }

    public String equity() {
        return text("equity-value");
    }

    public String dayPnl() {
        return text("day-pnl-value");
    }

    public String terminalState() {
        return text("terminal-state");
    }

    public String engineState() {
        return text("engine-state");
    }

    public String feedRejections() {
        return text("feed-rejections");
    }

    public String hostLinkState() {
        return hostLink();
    }

    /** Points the equity chart drew from (its data-points attribute). */
    public int equityPoints() {
        String v = driver.findElement(By.id("equity-chart")).getAttribute("data-points");
        return v == null ? 0 : Integer.parseInt(v);
    }

    public boolean equityCurveDrawn() {
        return !driver.findElements(By.cssSelector("#equity-chart svg polyline.equity")).isEmpty();
    }

    public OverviewPage waitUntil(java.util.function.Predicate<OverviewPage> done) {
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> done.test(this));
        return this;
    }

    /** Dashed floor lines the equity chart drew (daily and max-loss floors). */
    public int equityFloorsDrawn() {
        return driver.findElements(By.cssSelector("#equity-chart svg line.floor")).size();
    }

    /** The text of the figure with {@code id} (e.g. "week-pnl-value"). */
    public String value(String id) {
        return text(id);
    }

    /** Waits until the grid with {@code gridId} has rows; its cells row by row. */
    public List<String> awaitGrid(String gridId) {
        waiting().until(d -> rows(gridId) > 0);
        return gridCellTexts(gridId);
    }

    /** The cell right of the first cell reading {@code text} in the grid (e.g. a symbol's bid). */
    public String cellAfter(String gridId, String text) {
        List<String> cells = awaitGrid(gridId);
        return cells.get(cells.indexOf(text) + 1);
    }

    /** Waits until the figure with {@code id} shows a value (not "–"). */
    public String awaitValue(String id) {
        waiting().until(d -> !text(id).equals("–") && !text(id).isEmpty());
        return text(id);
    }

    public List<String> positionCells() {
        return gridCellTexts("positions-grid");
    }

    /** Waits until the tick counter passes {@code than}; returns the new value. */
    public long awaitTicksAbove(long than) {
        waiting().until(d -> ticks() > than);
        return ticks();
    }

    private long number(String id) {
        String t = text(id).replace(",", "");
        return t.isEmpty() || t.equals("–") ? -1 : Long.parseLong(t);
    }

    public PluginsPage goToPlugins() {
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='plugins']")).click();
        waiting().until(d -> !d.findElements(By.id("plugins-view")).isEmpty());
        return new PluginsPage(driver, baseUrl);
    }
}
