package com.vproptrader.ui.auth;

import java.util.Locale;

/** What a login may do: a viewer reads every page; an operator also commands the host. */
public enum Role {
    VIEWER,
    OPERATOR;

    /** "viewer" or "operator" (any case); anything else is refused with the accepted names. */
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "': viewer or operator");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
