package com.vproptrader.ui.auth;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * No page without a login: every navigation of every UI is checked before the view is built, and a
 * session without a user is sent to the login page (remembering where it was going). Registered through
 * {@code META-INF/services/com.vaadin.flow.server.VaadinServiceInitListener}.
 */
public final class AccessGuard implements VaadinServiceInitListener {

    static final String WANTED = AccessGuard.class.getName() + ".wanted";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == LoginView.class || Access.currentUser().isPresent()) {
            return;
        }
        event.getUI().getSession().setAttribute(WANTED, event.getLocation().getPathWithQueryParameters());
        event.forwardTo(LoginView.class);
    }
}
