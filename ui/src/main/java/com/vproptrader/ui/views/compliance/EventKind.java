package com.vproptrader.ui.views.compliance;

import com.vproptrader.proto.ComplianceEvent;
import com.vproptrader.proto.ComplianceEventKind;
import java.util.Locale;
import java.util.function.Predicate;

/** Which compliance events the list shows. */
enum EventKind implements Predicate<ComplianceEvent> {
    ALL("All events", null),
    VETO("Vetoes", ComplianceEventKind.EVENT_VETO),
    ACTION("Actions and breaches", ComplianceEventKind.EVENT_ACTION),
    STATE("Engine state changes", ComplianceEventKind.EVENT_STATE),
    WARNING("Warnings", ComplianceEventKind.EVENT_WARNING),
    OPERATOR("Operator actions", ComplianceEventKind.EVENT_OPERATOR);

    private final String label;
    private final ComplianceEventKind kind;

    EventKind(String label, ComplianceEventKind kind) {
        this.label = label;
        this.kind = kind;
    }

    String label() {
        return label;
    }

    @Override
    public boolean test(ComplianceEvent e) {
        return kind == null || kind == e.getKind();
    }

    /** The short word shown in the events list: "veto", "action", "state", "warning", "operator". */
    static String word(ComplianceEventKind kind) {
        return switch (kind) {
            case COMPLIANCE_EVENT_KIND_UNSPECIFIED, UNRECOGNIZED -> "?";
            default -> kind.name().substring("EVENT_".length()).toLowerCase(Locale.ROOT);
        };
    }
}
