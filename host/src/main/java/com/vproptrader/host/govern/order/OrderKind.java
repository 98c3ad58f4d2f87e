package com.vproptrader.host.govern.order;

/** What an order does to exposure: OPEN adds, CLOSE removes, MODIFY moves SL/TP of a position. */
public enum OrderKind {
    OPEN,
    CLOSE,
    MODIFY
}
