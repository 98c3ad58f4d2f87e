package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.RuleHeadroom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pack's rules as a responsive grid of cards, in the host's order. Cards are kept between updates
 * and only changed where a figure changed, so a 4 Hz feed does not rebuild the page. A trailing
 * component (the trading-day panel) takes the next free cell after the rules.
 */
final class RuleCards extends Div {

    private final Map<String, RuleCard> cards = new LinkedHashMap<>();
    private final Div empty = new Div();
    private final Component trailing;

    RuleCards(Component trailing) {
        this.trailing = trailing;
        setId("compliance-rules");
        getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(19em, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        empty.setId("compliance-rules-empty");
        empty.setText("Waiting for the host to report its rule pack…");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("padding", "var(--lumo-space-m)");
        add(empty, trailing);
    }

    void show(Compliance compliance, String ccy) {
        List<RuleHeadroom> rules = compliance.getRulesList();
        List<String> names = rules.stream().map(RuleHeadroom::getRule).toList();
        if (!names.equals(List.copyOf(cards.keySet()))) {
            removeAll();
            Map<String, RuleCard> kept = new LinkedHashMap<>();
            for (String name : names) {
                kept.put(name, cards.containsKey(name) ? cards.get(name) : new RuleCard(name));
            }
            cards.clear();
            cards.putAll(kept);
            if (cards.isEmpty()) {
                add(empty);
            } else {
                cards.values().forEach(this::add);
            }
            add(trailing);
        }
        for (RuleHeadroom r : rules) {
            cards.get(r.getRule()).show(r, RuleGauge.of(r, compliance), ccy);
        }
        getElement().setAttribute("data-rules", Integer.toString(rules.size()));
    }
}
