package com.vproptrader.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * Page-wide settings. Server push is on because views are updated from the feed's gRPC threads
 * (through {@code UI.access}), not from browser requests. No custom theme: a theme folder would force a
 * frontend bundle build, and the UI must run on Vaadin's pre-compiled bundle (no npm).
 */
@Push
public final class AppShell implements AppShellConfigurator {
}
