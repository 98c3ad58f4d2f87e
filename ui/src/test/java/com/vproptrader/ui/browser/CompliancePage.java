package com.vproptrader.ui.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The Compliance page: rule pack, engine state, one card per rule, the trading day and the event list. */
public final class CompliancePage extends Page {

    public CompliancePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public CompliancePage open() {
        openAt("/compliance", "compliance-view");
        return this;
    }

    /** Waits until the host has reported a rule pack with at least {@code rules} rules. */
    public CompliancePage awaitRules(int rules) {
        waiting().until(d -> ruleNames().size() >= rules && !rulePack().equals("–"));
        return this;
    }

    public String rulePack() {
        return text("compliance-rule-pack");
    }

    /** "FTMO Challenge 2-Step" (firm and program). */
    public String firmProgram() {
        return text("compliance-firm-program");
    }

    public String phase() {
        return text("compliance-phase");
    }

    public String engineState() {
        return text("compliance-engine-state");
    }

    public String engineReason() {
        return text("compliance-engine-reason");
    }

    public String engineDetail() {
        return text("compliance-engine-detail");
    }

    public String engineSince() {
        return text("compliance-engine-since");
    }

    public CompliancePage awaitEngineState(String state) {
        waiting().until(d -> engineState().equals(state));
        return this;
    }

    public CompliancePage awaitEngineStateNot(String state) {
        waiting().until(d -> !engineState().equals(state) && !engineState().equals("unknown"));
        return this;
    }

    public String equity() {
        return text("compliance-equity");
    }

    /**
     * Clicks an operator button ("halt", "resume", "flatten-all", "follow-risk-advice", "stop-following-advice"), fills the confirmation dialog and confirms;
     * returns the host's answer as the page shows it.
     */
    /** False when the action's button is disabled (a viewer's page). */
    public boolean operatorEnabled(String action) {
        return driver.findElement(By.id("operator-" + action)).getAttribute("disabled") == null;
    }

    /**
     * Enables the disabled button in the browser and clicks it, as someone tampering with the page would;
     * returns whether a confirmation dialog opened.
     */
    public boolean forceClick(String action) throws InterruptedException {
        WebElement button = driver.findElement(By.id("operator-" + action));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].removeAttribute('disabled'); arguments[0].disabled = false; arguments[0].click();", button);
        Thread.sleep(1_000);
        return !driver.findElements(By.id("operator-dialog")).isEmpty();
    }

    /** Clicks the action, gives the reason in the confirmation (the operator is the login) and returns the host's answer. */
    public String operate(String action, String reason) {
        String before = text("operator-result");
        driver.findElement(By.id("operator-" + action)).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#operator-name input")).isEmpty());
        driver.findElement(By.cssSelector("#operator-reason textarea")).sendKeys(reason);
        driver.findElement(By.id("operator-confirm")).click();
        waiting().until(d -> !text("operator-result").isEmpty() && !text("operator-result").equals(before));
        return text("operator-result");
    }

    /**
     * Waits until the vetoes-by-reason rows sum to the vetoes tile (both re-render as the host's counts move, so
     * they are read together, again when the page redraws under the read) and returns that sum.
     */
    public long awaitVetoBreakdownMatchingTotal() {
        long[] agreed = new long[1];
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            long total = vetoTotal();
            long sum = 0;
            for (WebElement e : d.findElements(By.cssSelector("#veto-breakdown [data-veto]"))) {
                sum += Long.parseLong(e.getText().replace(",", ""));
            }
            agreed[0] = sum;
            return sum == total;
        });
        return agreed[0];
    }

    public long vetoTotal() {
        return Long.parseLong(text("compliance-vetoes").replaceAll("[^0-9]", ""));
    }

    /** Rule names of the cards, in page order (e.g. daily_loss, max_loss). */
    public List<String> ruleNames() {
        return driver.findElements(By.cssSelector("#compliance-rules .rule-card")).stream()
                .map(e -> e.getAttribute("data-rule")).toList();
    }

    public RuleCard rule(String name) {
        return new RuleCard(driver.findElement(By.id("rule-" + name)), "rule-" + name);
    }

    public String anchorBalance() {
        return text("compliance-anchor-balance");
    }

    public String dayStart() {
        return text("compliance-day-start");
    }

    public String nextReset() {
        return text("compliance-next-reset");
    }

    public String resetZone() {
        return text("compliance-reset-zone");
    }

    public String tradingDays() {
        return text("compliance-trading-days");
    }

    /** The labels of the trading-day panel (they say which clock a time is in). */
    public String dayPanelText() {
        return text("compliance-day");
    }

    /** Header and body cell texts of the event list (newest first). */
    public List<String> eventCells() {
        return gridCellTexts("compliance-events");
    }

    public CompliancePage awaitEventCell(String text) {
        waiting().until(d -> eventCells().contains(text));
        return this;
    }

    /** Picks an entry of the event filter ("Vetoes", "All events"...) as an operator would. */
    public CompliancePage filterEvents(String label) {
        WebElement select = driver.findElement(By.id("compliance-event-filter"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        By item = By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']");
        waiting().until(d -> d.findElements(item).stream().anyMatch(WebElement::isDisplayed));
        driver.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
        waiting().until(d -> text("compliance-event-filter").contains(label));
        return this;
    }

    /** Waits (up to the page timeout) until {@code condition} holds on this page. */
    public CompliancePage waitUntil(java.util.function.Predicate<CompliancePage> condition) {
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> condition.test(this));
        return this;
    }

    public String eventCounts() {
        return text("compliance-event-counts");
    }

    /** One rule card as the operator reads it. */
    public static final class RuleCard {
        private final WebElement card;
        private final String id;

        RuleCard(WebElement card, String id) {
            this.card = card;
            this.id = id;
        }

        private String part(String suffix) {
            return card.findElement(By.id(id + "-" + suffix)).getText().trim();
        }

        public String status() {
            return part("status");
        }

        public String limit() {
            return part("limit");
        }

        public String current() {
            return part("current");
        }

        public String headroom() {
            return part("headroom");
        }

        public String headroomPct() {
            return part("headroom-pct");
        }

        public String description() {
            return part("description");
        }

        /** GOOD, WARN, BAD or NEUTRAL (the bar's colour). */
        public String tone() {
            return card.getAttribute("data-tone");
        }

        /** Share of the allowance used, 0..1, from the card's data-used attribute. */
        public double used() {
            return Double.parseDouble(card.getAttribute("data-used"));
        }

        public boolean barDrawn() {
            return !card.findElements(By.cssSelector("svg.headroom-bar rect.used")).isEmpty();
        }
    }

    // ---- the challenge navigator ----

    public CompliancePage awaitNavigator() {
        waiting().until(d -> !navigatorPass().equals("–"));
        return this;
    }

    /** "61.1% (60.1–62.0%)". */
    public String navigatorPass() {
        return text("navigator-pass");
    }

    /** "MAX_LOSS · 30.2% (…)". */
    public String navigatorFailure() {
        return text("navigator-failure");
    }

    public String navigatorDays() {
        return text("navigator-days");
    }

    public String navigatorRisk() {
        return text("navigator-risk");
    }

    public String navigatorAdvice() {
        return text("navigator-advice");
    }

    public String navigatorBasis() {
        return text("navigator-basis");
    }

    /** Points drawn on the risk curve. */
    public int riskCurvePoints() {
        return driver.findElements(By.cssSelector("#navigator-risk-curve svg circle.point")).size();
    }

    /** The advised point's tooltip, e.g. "0.75% per trade: P(pass) 64.0%". */
    public String advisedPoint() {
        // One script call: the chart may be redrawn between finding the element and reading it.
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var t = document.querySelector('#navigator-risk-curve svg circle.advised title');"
                        + " return t ? t.textContent : '';");
    }
}
