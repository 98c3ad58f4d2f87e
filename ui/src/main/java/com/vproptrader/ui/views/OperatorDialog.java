package com.vproptrader.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vproptrader.proto.OperatorRequest;
import com.vproptrader.ui.auth.Access;
import java.util.function.Consumer;

/**
 * The one confirmation every operator action goes through, on any page: it shows who acts (the login, read only:
 * the host journals the login name whatever is typed) and asks why (required; journaled by the host), then hands
 * the request to {@code act}. Cancel sends nothing.
 */
public final class OperatorDialog {
    private OperatorDialog() {
    }

    /**
     * @param title            the action, e.g. "Halt" or "Disable alpha-momentum"
     * @param effect           what will happen, shown above the form ("" for none)
     * @param offerAcknowledge shows the overall-loss acknowledgement (resume after a MAX_LOSS halt)
     * @param act              called with the operator's request once confirmed with a reason
     */
    public static void open(String title, String effect, boolean offerAcknowledge, Consumer<OperatorRequest> act) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title + " — confirm");
        dialog.setId("operator-dialog");
        TextField operator = new TextField("Operator (your login)");
        operator.setId("operator-name");
        operator.setValue(Access.currentUser().map(u -> u.name()).orElse(""));
        operator.setReadOnly(true);
        TextArea reason = new TextArea("Reason (journaled)");
        reason.setId("operator-reason");
        reason.setRequired(true);
        Checkbox acknowledge = new Checkbox("I acknowledge the overall loss floor was reached");
        acknowledge.setId("operator-acknowledge");
        acknowledge.setVisible(offerAcknowledge);
        Div form = new Div();
        if (!effect.isEmpty()) {
            form.add(new Paragraph(effect));
        }
        form.add(operator, reason, acknowledge);
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "min(24em, 80vw)")
                .set("max-width", "min(32em, 90vw)");
        dialog.add(form);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("operator-cancel");
        Button ok = new Button(title, e -> {
            if (operator.getValue().isBlank() || reason.getValue().isBlank()) {
                operator.setInvalid(operator.getValue().isBlank());
                reason.setInvalid(reason.getValue().isBlank());
                return;
            }
            dialog.close();
            act.accept(OperatorRequest.newBuilder().setOperator(operator.getValue().trim())
                    .setReason(reason.getValue().trim()).setAcknowledgeMaxLoss(acknowledge.getValue()).build());
        });
        ok.setId("operator-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }
}
