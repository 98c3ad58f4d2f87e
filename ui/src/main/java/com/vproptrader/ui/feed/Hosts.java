package com.vproptrader.ui.feed;

import com.vaadin.flow.server.VaadinSession;
import com.vproptrader.ui.UiConfig;
import com.vproptrader.ui.auth.Access;
import com.vproptrader.ui.auth.AuditLog;
import com.vproptrader.ui.auth.OperatorGate;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts this UI watches: one {@link AdminFeed} for each configured AdminService target, all followed all
 * the time, so switching host in the header shows current values at once. Each browser session shows one
 * host at a time (the first until it picks another). Every feed's channel passes the {@link OperatorGate}, and is TLS
 * verified against the configured CA when one is given.
 */
public final class Hosts implements AutoCloseable {

    private static final String SELECTED = Hosts.class.getName() + ".selected";
    private final List<AdminFeed> feeds;

    private Hosts(List<AdminFeed> feeds) {
        this.feeds = List.copyOf(feeds);
    }

    public static Hosts start(UiConfig cfg, AuditLog audit) throws java.io.IOException {
        BearerToken token = cfg.adminTokenFile() == null ? null
                : new BearerToken(java.nio.file.Files.readString(cfg.adminTokenFile()));
        io.grpc.ChannelCredentials credentials = cfg.adminTlsCa() == null ? io.grpc.InsecureChannelCredentials.create()
                : AdminFeed.tlsTrusting(cfg.adminTlsCa());
        List<AdminFeed> feeds = new ArrayList<>();
        for (String target : cfg.adminTargets()) {
            OperatorGate gate = new OperatorGate(Access::currentUser, audit, target);
            // the gate runs first (the last interceptor given runs first): a refused command never carries the token
            feeds.add(token == null ? AdminFeed.start(target, credentials, cfg.watchIntervalMs(), cfg.equityPoints(), gate)
                    : AdminFeed.start(target, credentials, cfg.watchIntervalMs(), cfg.equityPoints(), token, gate));
        }
        return new Hosts(feeds);
    }

    public List<String> targets() {
        return feeds.stream().map(AdminFeed::target).toList();
    }

    public AdminFeed feed(int index) {
        return feeds.get(index);
    }

    /** The host the current browser session shows (the first when none was picked or no session is current). */
    public AdminFeed selected() {
        return feeds.get(selectedIndex());
    }

    public int selectedIndex() {
        VaadinSession session = VaadinSession.getCurrent();
        Object picked = session == null ? null : session.getAttribute(SELECTED);
        return picked instanceof Integer i && i >= 0 && i < feeds.size() ? i : 0;
    }

    /** Makes the current session show host {@code index}. */
    public void select(int index) {
        if (index < 0 || index >= feeds.size()) {
            throw new IllegalArgumentException("no host " + index);
        }
        VaadinSession.getCurrent().setAttribute(SELECTED, index);
    }

    @Override
    public void close() {
        feeds.forEach(AdminFeed::close);
    }
}
