package com.vproptrader.ui.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The Learning page: versions grid, calibration and drift charts, shadows, promote / rollback. */
public final class LearningPage extends Page {

    public LearningPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public LearningPage open() {
        openAt("/learning", "learning-view");
        return this;
    }

    public LearningPage awaitVersions(int atLeast) {
        waiting().until(d -> attrInt("versions-grid", "data-rows") >= atLeast
                && versionCells().stream().anyMatch(c -> c.startsWith("tp1-")));
        return this;
    }

    public List<String> versionCells() {
        return gridCellTexts("versions-grid");
    }

    /** The state of {@code version} as the grid shows it (its data-states attribute: id=STATE,...). */
    public String stateOf(String version) {
        String states = driver.findElement(By.id("versions-grid")).getAttribute("data-states");
        for (String pair : states == null ? new String[0] : states.split(",")) {
            if (pair.startsWith(version + "=")) {
                return pair.substring(version.length() + 1);
            }
        }
        return "";
    }

    public LearningPage awaitState(String version, String state) {
        waiting().until(d -> stateOf(version).equals(state));
        return this;
    }

    public int calibrationBins() {
        return attrInt("calibration-chart", "data-bins");
    }

    public String calibrationVersion() {
        return driver.findElement(By.id("calibration-chart")).getAttribute("data-version");
    }

    public int driftPoints() {
        return attrInt("drift-chart", "data-points");
    }

    public LearningPage select(String version) {
        for (WebElement cell : driver.findElements(By.cssSelector("#versions-grid vaadin-grid-cell-content"))) {
            if (cell.getText().trim().equals(version)) {
                cell.click();
                break;
            }
        }
        waiting().until(d -> version.equals(calibrationVersion()));
        return this;
    }

    /** Whether the server enabled the promote button (vaadin-button carries a disabled attribute otherwise). */
    public boolean promoteEnabled() {
        return driver.findElement(By.id("promote-model")).getAttribute("disabled") == null;
    }

    /** Clicks a command button, confirms the dialog, and returns the page's answer once it changes. */
    public String runConfirmed(String buttonId) {
        String before = text("learning-message");
        driver.findElement(By.id(buttonId)).click();
        waiting().until(d -> !d.findElements(By.cssSelector("vaadin-button[slot='confirm-button']")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        waiting().until(d -> !text("learning-message").isEmpty() && !text("learning-message").equals(before));
        return text("learning-message");
    }

    private int attrInt(String id, String attr) {
        String v = driver.findElement(By.id(id)).getAttribute(attr);
        return v == null ? 0 : Integer.parseInt(v);
    }
}
