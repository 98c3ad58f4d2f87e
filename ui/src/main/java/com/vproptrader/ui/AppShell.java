package com.vproptrader.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Page-wide settings. Server push is on because views are updated from the feed's gRPC threads
 * (through {@code UI.access}), not from browser requests. No custom theme: a theme folder would force a
 * frontend bundle build, and the UI must run on Vaadin's pre-compiled bundle (no npm). The few page-wide
 * styles (the one-line header and the narrow layout) are inlined in the page instead.
 */
@Push
public final class AppShell implements AppShellConfigurator {

    /** Phone width: the header keeps one line (secondary texts shrink with an ellipsis), tiles go two a row. */
    static final String STYLES = """
            .vpt-header { flex-wrap: nowrap; min-width: 0; overflow: hidden; }
            .vpt-secondary { color: var(--lumo-secondary-text-color); font-size: var(--lumo-font-size-s);
              white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; flex-shrink: 1; }
            .vpt-tile { box-sizing: border-box; }
            @media (max-width: 640px) {
              .vpt-header .vpt-secondary { display: none; }
              .vpt-title { display: none; }
              #host-selector { max-width: 7.5em; }
              #host-link { max-width: 6.5em; overflow: hidden; text-overflow: ellipsis; }
              vaadin-vertical-layout { padding: var(--lumo-space-xs) !important; }
              h2 { font-size: var(--lumo-font-size-l); margin: 0.4em 0 0 0; }
              .vpt-tile { min-width: 0 !important; flex: 1 1 40%; padding: var(--lumo-space-xs) var(--lumo-space-s) !important; }
              .vpt-tile > span:last-child { font-size: var(--lumo-font-size-l) !important; }
            }
            """;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "favicon.ico", "32x32");
        settings.addInlineWithContents(Inline.Position.APPEND, STYLES, Inline.Wrapping.STYLESHEET);
    }
}
