package com.vproptrader.ui.browser;

import org.openqa.selenium.WebDriver;

/** The Compliance page (engine state and what Status carries until AdminService grows rule fields). */
public final class CompliancePage extends Page {

    public CompliancePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public CompliancePage open() {
        openAt("/compliance", "compliance-view");
        return this;
    }

    public String engineState() {
        return text("compliance-engine-state");
    }

    public String equity() {
        return text("compliance-equity");
    }

    public String pendingNote() {
        return text("compliance-pending-note");
    }
}
