package com.vproptrader.ui.views.compliance;

import com.vproptrader.proto.ComplianceEvent;
import java.util.function.Predicate;

/** Which compliance events the list shows. */
enum EventKind implements Predicate<ComplianceEvent> {
    ALL("All events", ""),
    VETO("Vetoes", "veto"),
    ACTION("Actions and breaches", "action"),
    STATE("Engine state changes", "state"),
    WARNING("Warnings", "warning");

    private final String label;
    private final String kind;

    EventKind(String label, String kind) {
        this.label = label;
        this.kind = kind;
    }

    String label() {
        return label;
    }

    @Override
    public boolean test(ComplianceEvent e) {
        return kind.isEmpty() || kind.equalsIgnoreCase(e.getKind());
    }
}
