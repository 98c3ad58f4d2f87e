package com.vproptrader.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletService;
import com.vproptrader.ui.UiServer;
import com.vproptrader.ui.feed.AdminFeed;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.feed.Hosts;
import java.util.function.Consumer;

/**
 * Keeps a component rendering the feed's snapshots while it is attached: renders the current snapshot on
 * attach, then each new one through {@link UI#access} (pushed to the browser), and unsubscribes on detach.
 */
public final class LiveBinding {

    private LiveBinding() {
    }

    public static void bind(Component component, Consumer<AdminSnapshot> render) {
        component.addAttachListener(attach -> {
            AdminFeed feed = feedOf(attach.getSession().getService());
            UI ui = attach.getUI();
            render.accept(feed.snapshot());
            Runnable unsubscribe = feed.subscribe(snapshot -> ui.access(() -> render.accept(snapshot)));
            component.addDetachListener(detach -> {
                unsubscribe.run();
                detach.unregisterListener();
            });
        });
    }

    /** The feed of the host the current session shows (see {@link Hosts}). */
    public static AdminFeed feedOf(com.vaadin.flow.server.VaadinService service) {
        return hostsOf(service).selected();
    }

    /** The UI server's hosts, kept in the servlet context by {@link UiServer}. */
    public static Hosts hostsOf(com.vaadin.flow.server.VaadinService service) {
        Object hosts = ((VaadinServletService) service).getServlet().getServletContext()
                .getAttribute(UiServer.HOSTS_ATTRIBUTE);
        if (hosts == null) {
            throw new IllegalStateException("no Hosts in the servlet context: start the UI with UiServer");
        }
        return (Hosts) hosts;
    }
}
