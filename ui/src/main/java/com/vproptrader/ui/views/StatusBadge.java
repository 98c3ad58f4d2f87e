package com.vproptrader.ui.views;

import com.vaadin.flow.component.html.Span;

/** A small coloured label for a state ("CONNECTED", "HALTED"...). Plain styles: no theme bundle needed. */
public final class StatusBadge extends Span {

    /** How a state reads to an operator. */
    public enum Tone { GOOD, WARN, BAD, NEUTRAL }

    public StatusBadge(String id) {
        setId(id);
        getStyle().set("padding", "0.15em 0.6em").set("border-radius", "1em").set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "600").set("white-space", "nowrap");
        show("…", Tone.NEUTRAL);
    }

    public void show(String text, Tone tone) {
        setText(text);
        String[] colours = switch (tone) {
            case GOOD -> new String[] {"var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)"};
            case WARN -> new String[] {"#fff3cd", "#7a5a00"};
            case BAD -> new String[] {"var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)"};
            case NEUTRAL -> new String[] {"var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)"};
        };
        getStyle().set("background", colours[0]).set("color", colours[1]);
        getElement().setAttribute("data-tone", tone.name());
    }

    /** Shows the account's one effective trading state (AdminService's Status.trading_state). */
    public void show(com.vproptrader.proto.TradingState state) {
        switch (state) {
            case TRADING_ACTIVE -> show("ACTIVE", Tone.GOOD);
            case TRADING_PAUSED -> show("PAUSED", Tone.WARN);
            case TRADING_REDUCING -> show("REDUCING", Tone.WARN);
            case TRADING_HALTED -> show("HALTED", Tone.BAD);
            default -> show("unknown", Tone.NEUTRAL);
        }
    }
}
