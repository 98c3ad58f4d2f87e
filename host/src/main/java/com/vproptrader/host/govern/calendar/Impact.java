package com.vproptrader.host.govern.calendar;

/** Economic-calendar impact, ordered so that {@code compareTo} means "at least as important". */
public enum Impact {
    LOW,
    MEDIUM,
    HIGH
}
