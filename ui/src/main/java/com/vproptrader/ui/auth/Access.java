package com.vproptrader.ui.auth;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * Who is logged in to this browser session. The user lives in the Vaadin session; every page and every
 * command reads it from there (never from a form field), so the name journaled is the name that logged in.
 */
public final class Access {

    /** Servlet-context attribute holding the server's {@link UserStore}. */
    public static final String STORE_ATTRIBUTE = UserStore.class.getName();

    private Access() {
    }

    /** The logged-in user of the session this thread serves, if any. */
    public static Optional<User> currentUser() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(User.class));
    }

    public static boolean mayOperate() {
        return currentUser().map(User::mayOperate).orElse(false);
    }

    /** Starts the session of {@code user}: a fresh session id (no fixation), then the user stored in it. */
    static void login(User user) {
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        VaadinSession.getCurrent().setAttribute(User.class, user);
    }

    /** Ends the session: the next request starts at the login page. */
    public static void logout() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(User.class, null);
        session.getSession().invalidate();
    }

    static UserStore store(VaadinService service) {
        Object store = ((VaadinServletService) service).getServlet().getServletContext().getAttribute(STORE_ATTRIBUTE);
        if (store == null) {
            throw new IllegalStateException("no UserStore in the servlet context: start the UI with UiServer");
        }
        return (UserStore) store;
    }
}
