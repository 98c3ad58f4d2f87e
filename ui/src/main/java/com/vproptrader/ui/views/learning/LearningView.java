package com.vproptrader.ui.views.learning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.CommandResult;
import com.vproptrader.proto.Learning;
import com.vproptrader.proto.LearningAdminGrpc;
import com.vproptrader.proto.LearningRequest;
import com.vproptrader.proto.ModelCommand;
import com.vproptrader.proto.ModelVersionInfo;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The learning loop: every model version with its out-of-sample evidence, the calibration of the selected (or
 * serving) version, drift at each retrain, shadows beside what serves, and the promote / rollback commands,
 * each behind a confirmation. Reads the host's LearningAdmin service on every feed update; commands go to the
 * same service and their answer is shown as it came.
 */
@Route(value = "learning", layout = MainLayout.class)
@PageTitle("Learning · VPropTrader")
public final class LearningView extends VerticalLayout {
    private static final long DEADLINE_MS = 3_000;

    private final VersionsGrid versions = new VersionsGrid();
    private final CalibrationChart calibration = new CalibrationChart();
    private final DriftChart drift = new DriftChart();
    private final ShadowsGrid shadows = new ShadowsGrid(this::confirmPromoteShadow);
    private final Button promote = new Button("Promote selected…", e -> confirmPromote());
    private final Button rollback = new Button("Roll back…", e -> confirmRollback());
    private final Span message = new Span();
    private final Span unavailable = new Span();
    private LearningAdminGrpc.LearningAdminBlockingStub service;
    private Learning latest = Learning.getDefaultInstance();

    public LearningView() {
        setId("learning-view");
        promote.setId("promote-model");
        rollback.setId("rollback-model");
        message.setId("learning-message");
        unavailable.setId("learning-unavailable");
        unavailable.getStyle().set("color", "var(--lumo-secondary-text-color)");
        promote.setEnabled(false);
        versions.addSelectionListener(e -> showSelected());
        HorizontalLayout commands = new HorizontalLayout(promote, rollback, message, unavailable);
        commands.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        HorizontalLayout charts = new HorizontalLayout(calibration, drift);
        charts.setWidthFull();
        add(new H2("Model versions"), commands, versions, new H2("Calibration and drift"), charts,
                new H2("Shadow versions"), shadows);
        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        shadows.show(snapshot.plugins());
        refresh();
    }

    private void refresh() {
        if (service == null) { // first render: attached, so the session knows the UI server's feed
            service = LiveBinding.feedOf(getUI().orElseThrow().getSession().getService()).learning();
        }
        try {
            latest = service.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS).getLearning(LearningRequest.getDefaultInstance());
        } catch (StatusRuntimeException e) {
            unavailable.setText("learning service: " + e.getStatus().getCode());
            return;
        }
        unavailable.setText(latest.getCannotPublish());
        rollback.setEnabled(latest.getCannotPublish().isEmpty());
        versions.show(latest.getVersionsList());
        drift.show(latest.getDriftList());
        showSelected();
    }

    /** Calibration of the selected version, else of the serving one; promote only for a selected candidate. */
    private void showSelected() {
        ModelVersionInfo chosen = versions.getSelectedItems().stream().findFirst()
                .or(() -> latest.getVersionsList().stream().filter(v -> v.getState().equals("SERVING")).findFirst())
                .orElse(null);
        calibration.show(chosen == null ? "" : chosen.getId(), chosen == null ? java.util.List.of() : chosen.getCalibrationList());
        promote.setEnabled(latest.getCannotPublish().isEmpty() && versions.getSelectedItems().stream()
                .anyMatch(v -> v.getState().equals("CANDIDATE")));
    }

    private void confirmPromote() {
        versions.getSelectedItems().stream().findFirst().ifPresent(v -> confirm("Promote " + v.getId() + "?",
                v.getFamily() + ", OOS AUC " + String.format(java.util.Locale.ROOT, "%.4f", v.getOosAuc())
                        + ". It replaces the serving version at the next event.",
                s -> s.promoteModel(ModelCommand.newBuilder().setVersion(v.getId()).setNote("from the Learning page").build())));
    }

    private void confirmRollback() {
        confirm("Roll back the serving model?", "The version it replaced serves again at the next event.",
                s -> s.rollbackModel(ModelCommand.newBuilder().setNote("from the Learning page").build()));
    }

    private void confirmPromoteShadow(PluginInfo shadow) {
        confirm("Promote shadow " + shadow.getPluginId() + "@" + shadow.getVersion() + "?",
                "It replaces the serving version of " + shadow.getPluginId() + " and trades from the next event.",
                s -> s.promoteShadow(ModelCommand.newBuilder().setPluginId(shadow.getPluginId()).build()));
    }

    private void confirm(String header, String text, Function<LearningAdminGrpc.LearningAdminBlockingStub, CommandResult> command) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, "Confirm", e -> {
            CommandResult r;
            try {
                r = command.apply(service.withDeadlineAfter(DEADLINE_MS * 10, TimeUnit.MILLISECONDS));
            } catch (StatusRuntimeException ex) {
                r = CommandResult.newBuilder().setOk(false).setMessage("host did not answer: " + ex.getStatus()).build();
            }
            message.setText((r.getOk() ? "" : "refused: ") + r.getMessage());
            message.getElement().setAttribute("data-ok", Boolean.toString(r.getOk()));
            refresh();
        });
        dialog.setCancelable(true);
        dialog.setId("learning-confirm");
        dialog.open();
    }
}
