package com.vproptrader.host.group;

import java.math.BigDecimal;

/**
 * The group's own caps across its accounts (not a firm's rule): per symbol, the lots held by all accounts together
 * and how many accounts may hold it at once. A position or an order awaiting its fill counts as held.
 *
 * @param group               the group's name: hosts naming the same group on the same Redis share its book
 * @param maxLotsPerSymbol    lots on one symbol across the group; null = no cap
 * @param maxHoldersPerSymbol accounts holding one symbol at once; 0 = no cap
 */
public record GroupLimits(String group, BigDecimal maxLotsPerSymbol, int maxHoldersPerSymbol) {
    public GroupLimits {
        if (group == null || group.isBlank() || !group.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("group name must be letters, digits, '_', '.' or '-', got '" + group + "'");
        }
        if (maxLotsPerSymbol != null && maxLotsPerSymbol.signum() <= 0) {
            throw new IllegalArgumentException("group lots cap must be > 0, got " + maxLotsPerSymbol);
        }
        if (maxHoldersPerSymbol < 0) {
            throw new IllegalArgumentException("group holders cap must be >= 0, got " + maxHoldersPerSymbol);
        }
        if (maxLotsPerSymbol == null && maxHoldersPerSymbol == 0) {
            throw new IllegalArgumentException("group " + group + " has no cap: give a lots cap, a holders cap or both");
        }
    }
}
