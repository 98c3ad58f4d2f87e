package com.vproptrader.ui.auth;

import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one page open without a login. A failed login says only that name or password is wrong. */
@Route("login")
@PageTitle("Log in · VPropTrader")
public final class LoginView extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(LoginView.class);
    private final LoginForm form = new LoginForm();

    public LoginView() {
        setId("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("VPropTrader operator UI");
        i18n.getErrorMessage().setTitle("Wrong user name or password");
        i18n.getErrorMessage().setMessage("Check both and try again. Logins are added with UsersMain (ui/README.md).");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(this::login);
        add(form);
    }

    private void login(LoginEvent event) {
        Optional<User> user;
        try {
            user = Access.store(getUI().orElseThrow().getSession().getService())
                    .authenticate(event.getUsername(), event.getPassword().toCharArray());
        } catch (IOException | RuntimeException e) {
            LOG.warn("login of {} failed: users file unreadable: {}", event.getUsername(), e.getMessage());
            user = Optional.empty();
        }
        if (user.isEmpty()) {
            LOG.info("refused login of {}", event.getUsername());
            form.setError(true);
            return;
        }
        Access.login(user.get());
        LOG.info("login of {} ({})", user.get().name(), user.get().role().label());
        Object wanted = getUI().orElseThrow().getSession().getAttribute(AccessGuard.WANTED);
        getUI().orElseThrow().getSession().setAttribute(AccessGuard.WANTED, null);
        String target = wanted == null || wanted.toString().startsWith("login") ? "" : wanted.toString();
        getUI().orElseThrow().navigate(target);
    }
}
