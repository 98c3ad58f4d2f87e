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
import com.vproptrader.ui.views.OperatorDialog;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operator's plugin actions: send a JAR to the host (serving or as a shadow), promote a shadow to serve, and
 * disable, enable or roll back a serving plugin.
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
    private final Select<PluginInfo> serving = new Select<>();
    private final Button disable = new Button("Disable");
    private final Button enable = new Button("Enable");
    private final Button rollback = new Button("Roll back");
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
        serving.setId("plugin-serving-pick");
        serving.setLabel("Plugin");
        serving.setItemLabelGenerator(p -> p.getPluginId() + "@" + p.getVersion() + " (" + p.getState().name() + ")");
        disable.setId("plugin-disable");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disable.addClickListener(e -> confirmCommand(AdminFeed.PluginCommandKind.DISABLE,
                "It stops being called from the next event, with no successor (an alpha votes no more); its JARs are set "
                        + "aside so a restart does not serve it."));
        enable.setId("plugin-enable");
        enable.addClickListener(e -> confirmCommand(AdminFeed.PluginCommandKind.ENABLE,
                "The version disabled last is validated again and serves from the next event."));
        rollback.setId("plugin-rollback");
        rollback.addClickListener(e -> confirmCommand(AdminFeed.PluginCommandKind.ROLLBACK,
                "The version that served before this one serves again from the next event; this one's JAR is set aside."));
        result.setId("plugin-result");
        Div row1 = row(upload, asShadow);
        Div row2 = row(reason, send, shadows, promote);
        Div row3 = row(serving, disable, enable, rollback);
        add(row1, row2, row3, result);
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        if (!Access.mayOperate()) {
            for (com.vaadin.flow.component.HasEnabled c : List.of(upload, asShadow, reason, send, shadows, promote, serving,
                    disable, enable, rollback)) {
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

    /** The newest version of each plugin id that serves or was disabled: what disable, enable and rollback act on. */
    void showServing(List<PluginInfo> plugins) {
        java.util.Map<String, PluginInfo> newest = new java.util.TreeMap<>();
        for (PluginInfo p : plugins) {
            if (!p.getShadow() && (p.getState() == com.vproptrader.proto.PluginState.ACTIVE
                    || p.getState() == com.vproptrader.proto.PluginState.DISABLED)) {
                newest.merge(p.getPluginId(), p, (a, b) -> b.getSinceMs() >= a.getSinceMs() ? b : a);
            }
        }
        List<PluginInfo> now = List.copyOf(newest.values());
        PluginInfo picked = serving.getValue();
        if (!now.equals(serving.getListDataView().getItems().toList())) {
            serving.setItems(now);
            PluginInfo same = picked == null ? null : now.stream()
                    .filter(p -> p.getPluginId().equals(picked.getPluginId())).findFirst().orElse(null);
            serving.setValue(same != null ? same : now.isEmpty() ? null : now.get(0));
        }
        boolean operator = Access.mayOperate() && !now.isEmpty();
        for (Button b : List.of(disable, enable, rollback)) {
            b.setEnabled(operator);
        }
    }

    /** Through the operator dialog every action uses: the login acts, the reason given there is journaled. */
    private void confirmCommand(AdminFeed.PluginCommandKind kind, String effect) {
        PluginInfo plugin = serving.getValue();
        if (plugin == null) {
            return;
        }
        String verb = switch (kind) {
            case DISABLE -> "Disable";
            case ENABLE -> "Enable";
            case ROLLBACK -> "Roll back";
        };
        OperatorDialog.open(verb + " " + plugin.getPluginId(), effect, false, request -> {
            OperatorReply reply = feed.get().pluginCommand(kind, com.vproptrader.proto.PluginCommand.newBuilder()
                    .setPluginId(plugin.getPluginId()).setOperator(request.getOperator()).setReason(request.getReason())
                    .build());
            show(reply.getAccepted(), reply.getAccepted() ? reply.getDetail()
                    : "refused by " + reply.getRefusedBy() + ": " + reply.getDetail());
        });
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
