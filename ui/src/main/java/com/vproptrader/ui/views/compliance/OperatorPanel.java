package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.OperatorRequest;
import com.vproptrader.ui.auth.Access;
import com.vproptrader.ui.views.OperatorDialog;
import com.vproptrader.ui.feed.AdminFeed.OperatorCommand;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Halt, resume, flatten, and making the sizer follow the challenge navigator's advised risk (or not): each
 * button opens a confirmation dialog that shows who acts (the login) and asks why (required; both journaled by
 * the host); disabled for a viewer; resume also offers the acknowledgement the host requires after an
 * overall-loss halt. The host's answer (done, or refused with the rule that refused it) shows under the buttons.
 */
final class OperatorPanel extends Div {
    private final BiFunction<OperatorCommand, OperatorRequest, OperatorReply> host;
    private final Span result = new Span();

    OperatorPanel(BiFunction<OperatorCommand, OperatorRequest, OperatorReply> host) {
        this.host = host;
        setId("operator-panel");
        Button halt = button("Halt", OperatorCommand.HALT, ButtonVariant.LUMO_ERROR);
        Button resume = button("Resume", OperatorCommand.RESUME, ButtonVariant.LUMO_SUCCESS);
        Button flatten = button("Flatten all", OperatorCommand.FLATTEN_ALL, ButtonVariant.LUMO_CONTRAST);
        Button follow = button("Follow risk advice", OperatorCommand.FOLLOW_RISK_ADVICE, ButtonVariant.LUMO_CONTRAST);
        Button unfollow = button("Back to the pack's risk", OperatorCommand.STOP_FOLLOWING_ADVICE,
                ButtonVariant.LUMO_CONTRAST);
        Div buttons = new Div(halt, resume, flatten, follow, unfollow);
        buttons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        result.setId("operator-result");
        result.getStyle().set("font-size", "var(--lumo-font-size-s)");
        if (!Access.mayOperate()) { // the OperatorGate refuses a viewer's command anyway; this says so up front
            buttons.setEnabled(false);
            result.setText("Read only: " + Access.currentUser().map(u -> u.name() + " is a viewer").orElse("not logged in"));
        }
        Div panel = Panel.of("Operator actions", buttons, result);
        panel.setWidthFull();
        add(panel);
        setWidthFull();
    }

    private Button button(String text, OperatorCommand command, ButtonVariant variant) {
        Button b = new Button(text, e -> confirm(text, command));
        b.setId("operator-" + command.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, variant);
        return b;
    }

    private void confirm(String title, OperatorCommand command) {
        OperatorDialog.open(title, "", command == OperatorCommand.RESUME, request -> show(host.apply(command, request)));
    }

    private void show(OperatorReply reply) {
        result.setText(reply.getAccepted() ? "Done: " + reply.getDetail()
                : "Refused by " + reply.getRefusedBy() + ": " + reply.getDetail());
        result.getElement().setAttribute("data-accepted", String.valueOf(reply.getAccepted()));
        result.getStyle().set("color", reply.getAccepted() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }
}
