package com.vproptrader.host.scan;

/** A candidate's grade from its Q* score; only A+ and A go on to filters, sizing and the governors. */
public enum Grade {
    A_PLUS("A+"), A("A"), B("B"), C("C");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public boolean proceeds() {
        return this == A_PLUS || this == A;
    }

    public String label() {
        return label;
    }
}
