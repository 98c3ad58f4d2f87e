package com.vproptrader.ui.views.plugins;

import com.google.protobuf.ByteString;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vproptrader.proto.CommandResult;
import com.vproptrader.proto.ModelCommand;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginUpload;
import com.vproptrader.ui.auth.Access;
import com.vproptrader.ui.feed.AdminFeed;
import com.vproptrader.ui.views.Fmt;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operator's plugin actions: send a JAR to the host (serving or as a shadow) and promote a shadow to serve.
 * Each needs a reason and a confirmation; the host's answer shows below. Disabled for a viewer (the UI's
 * operator gate refuses their commands anyway).
 */
final class PluginActions extends Div {

    private final Supplier<AdminFeed> feed;
    private final MemoryBuffer buffer = new MemoryBuffer();
    private final Upload upload = new Upload(buffer);
    private final Checkbox asShadow = new Checkbox("as shadow (sees the serving version's inputs, never trades)");
    private final TextField reason = new TextField("Reason (journaled)");
    private final Button send = new Button("Send to host");
    private final Select<PluginInfo> shadows = new Select<>();
    private final Button promote = new Button("Promote shadow");
    private final Span result = new Span();
    private byte[] jar;
    private String fileName;

    PluginActions(Supplier<AdminFeed> feed) {
        this.feed = feed;
        setId("plugin-actions");
        upload.setId("plugin-upload");
        upload.setAcceptedFileTypes(".jar");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(4 * 1024 * 1024 - 64 * 1024); // under gRPC's default message limit
        upload.setDropLabel(new Span("JAR of a plugin (at most 3.9 MB)"));
        upload.addSucceededListener(e -> received(e.getFileName()));
        asShadow.setId("plugin-as-shadow");
        reason.setId("plugin-reason");
        reason.setWidth("min(24em, 90vw)");
        send.setId("plugin-send");
        send.setEnabled(false);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> confirmSend());
        shadows.setId("plugin-shadow-pick");
        shadows.setLabel("Shadow");
        shadows.setItemLabelGenerator(p -> p.getPluginId() + "@" + p.getVersion());
        promote.setId("plugin-promote");
        promote.addClickListener(e -> confirmPromote());
        result.setId("plugin-result");
        Div row1 = row(upload, asShadow);
        Div row2 = row(reason, send, shadows, promote);
        add(row1, row2, result);
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        if (!Access.mayOperate()) {
            for (com.vaadin.flow.component.HasEnabled c : List.of(upload, asShadow, reason, send, shadows, promote)) {
                c.setEnabled(false);
            }
            result.setText("Read only: " + Access.currentUser().map(u -> u.name() + " is a viewer").orElse("not logged in"));
        }
    }

    private static Div row(com.vaadin.flow.component.Component... parts) {
        Div d = new Div(parts);
        d.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "baseline");
        return d;
    }

    void showShadows(List<PluginInfo> plugins) {
        List<PluginInfo> now = plugins.stream().filter(PluginInfo::getShadow)
                .filter(p -> p.getState() == com.vproptrader.proto.PluginState.ACTIVE).toList();
        PluginInfo picked = shadows.getValue();
        if (!now.equals(shadows.getListDataView().getItems().toList())) {
            shadows.setItems(now);
            shadows.setValue(now.contains(picked) ? picked : now.isEmpty() ? null : now.get(0));
        }
        promote.setEnabled(Access.mayOperate() && !now.isEmpty());
    }

    private void received(String name) {
        try {
            jar = buffer.getInputStream().readAllBytes();
            fileName = name;
            send.setEnabled(Access.mayOperate());
            result.setText(name + " (" + Fmt.count(jar.length) + " bytes) ready to send");
        } catch (IOException e) {
            result.setText("could not read " + name + ": " + e.getMessage());
        }
    }

    private void confirmSend() {
        if (jar == null || reason.getValue().isBlank()) {
            reason.setInvalid(reason.getValue().isBlank());
            return;
        }
        String where = asShadow.getValue() ? " as a shadow" : " to serve";
        confirm("Send " + fileName + where + "?", "The host validates it and loads it at its next event.", () -> {
            OperatorReply reply = feed.get().uploadPlugin(PluginUpload.newBuilder().setFileName(fileName)
                    .setJar(ByteString.copyFrom(jar)).setShadow(asShadow.getValue()).setReason(reason.getValue().trim())
                    .build());
            show(reply.getAccepted(), reply.getAccepted() ? reply.getDetail() : "refused by " + reply.getRefusedBy() + ": " + reply.getDetail());
            if (reply.getAccepted()) { // one upload, one send
                jar = null;
                send.setEnabled(false);
                upload.clearFileList();
            }
        });
    }

    private void confirmPromote() {
        PluginInfo shadow = shadows.getValue();
        if (shadow == null || reason.getValue().isBlank()) {
            reason.setInvalid(reason.getValue().isBlank());
            return;
        }
        confirm("Promote shadow " + shadow.getPluginId() + "@" + shadow.getVersion() + "?",
                "It replaces the serving version and trades from the next event.", () -> {
                    CommandResult r;
                    try {
                        r = feed.get().learning().withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS)
                                .promoteShadow(ModelCommand.newBuilder().setPluginId(shadow.getPluginId())
                                        .setNote(reason.getValue().trim()).build());
                    } catch (io.grpc.StatusRuntimeException e) {
                        r = CommandResult.newBuilder().setOk(false).setMessage(e.getStatus().getCode() + ": "
                                + e.getStatus().getDescription()).build();
                    }
                    show(r.getOk(), r.getOk() ? r.getMessage() : "refused: " + r.getMessage());
                });
    }

    private static void confirm(String header, String text, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, "Confirm", e -> action.run());
        dialog.setId("plugin-confirm");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void show(boolean ok, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-accepted", Boolean.toString(ok));
        result.getStyle().set("color", ok ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }
}
