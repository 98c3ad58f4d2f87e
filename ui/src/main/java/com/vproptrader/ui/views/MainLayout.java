package com.vproptrader.ui.views;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinService;
import com.vproptrader.ui.auth.Access;
import com.vproptrader.ui.auth.User;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.feed.Hosts;
import com.vproptrader.ui.feed.LinkState;
import com.vproptrader.ui.views.alpha.AlphaView;
import com.vproptrader.ui.views.compliance.ComplianceView;
import com.vproptrader.ui.views.learning.LearningView;
import com.vproptrader.ui.views.overview.OverviewView;
import com.vproptrader.ui.views.plugins.PluginsView;
import com.vproptrader.ui.views.regimes.RegimesView;
import com.vproptrader.ui.views.report.SessionReportView;
import com.vproptrader.ui.views.risk.RiskView;

/**
 * Navigation, the host selector, the always-visible state of the link to the host, and who is logged in.
 * One line at any width: the secondary texts shrink with ellipsis first (styles.css).
 */
public final class MainLayout extends AppLayout {

    private final StatusBadge link = new StatusBadge("host-link");
    private final Span target = new Span();
    private final Span lastUpdate = new Span();

    public MainLayout() {
        H1 title = new H1("VPropTrader");
        title.addClassName("vpt-title");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        target.setId("host-account");
        lastUpdate.setId("host-last-update");
        target.addClassName("vpt-secondary");
        lastUpdate.addClassName("vpt-secondary");
        Hosts hosts = LiveBinding.hostsOf(VaadinService.getCurrent());
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, hostSelector(hosts), link, target, lastUpdate);
        header.addClassName("vpt-header");
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.setSpacing(false);
        header.getStyle().set("gap", "var(--lumo-space-s)");
        Span spacer = new Span();
        header.addAndExpand(spacer);
        header.add(userBox());
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Overview", OverviewView.class));
        nav.addItem(new SideNavItem("Compliance", ComplianceView.class));
        nav.addItem(new SideNavItem("Alpha heatmap", AlphaView.class));
        nav.addItem(new SideNavItem("Regimes", RegimesView.class));
        nav.addItem(new SideNavItem("Risk monitor", RiskView.class));
        nav.addItem(new SideNavItem("Learning", LearningView.class));
        nav.addItem(new SideNavItem("Session report", SessionReportView.class));
        nav.addItem(new SideNavItem("Plugins", PluginsView.class));
        addToDrawer(nav);

        LiveBinding.bind(this, this::render);
    }

    /** A picker when the UI watches several hosts; switching reloads the page on the chosen host. */
    private static com.vaadin.flow.component.Component hostSelector(Hosts hosts) {
        if (hosts.targets().size() < 2) {
            Span only = new Span(hosts.targets().get(0));
            only.setId("host-selector");
            only.getElement().setAttribute("data-host", hosts.targets().get(0));
            only.addClassName("vpt-secondary");
            return only;
        }
        Select<String> select = new Select<>();
        select.setId("host-selector");
        select.setItems(hosts.targets());
        select.setValue(hosts.targets().get(hosts.selectedIndex()));
        select.getElement().setAttribute("data-host", select.getValue());
        select.getStyle().set("max-width", "12em");
        select.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                hosts.select(hosts.targets().indexOf(e.getValue()));
                select.getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        return select;
    }

    private static com.vaadin.flow.component.Component userBox() {
        User user = Access.currentUser().orElse(null);
        Span who = new Span(user == null ? "" : user.name() + " · " + user.role().label());
        who.setId("current-user");
        who.addClassName("vpt-secondary");
        Button logout = new Button("Log out", e -> {
            Access.logout();
            e.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        });
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout box = new HorizontalLayout(who, logout);
        box.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        box.setSpacing(false);
        box.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-shrink", "0").set("padding-right", "var(--lumo-space-s)");
        return box;
    }

    private void render(AdminSnapshot snapshot) {
        LinkState state = snapshot.link();
        link.show("Host " + state.name().toLowerCase(java.util.Locale.ROOT),
                switch (state) {
                    case CONNECTED -> StatusBadge.Tone.GOOD;
                    case CONNECTING -> StatusBadge.Tone.WARN;
                    case DISCONNECTED -> StatusBadge.Tone.BAD;
                });
        link.getElement().setAttribute("title", snapshot.linkError());
        target.setText(snapshot.hasStatus() ? snapshot.status().getHostId() + " · account " + snapshot.status().getAccountId() : "");
        lastUpdate.setText(snapshot.link() == LinkState.CONNECTED || snapshot.lastUpdateMs() == 0 ? ""
                : "last update " + Fmt.utc(snapshot.lastUpdateMs()));
    }
}
