package com.vproptrader.host.scan;

/** A candidate's grade from its Q* score; only A+ and A go on to filters, sizing and the governors. */
public enum Grade {
    A_PLUS("A+"), A("A"), B("B"), C("C");

    private final String label;
    /** The scanner's rejection code of a candidate stopped at this grade, made once: "grade_B". */
    private final String rejection;

    Grade(String label) {
        this.label = label;
        this.rejection = "grade_" + label;
    }

    public boolean proceeds() {
        return this == A_PLUS || this == A;
    }

    public String label() {
        return label;
    }

    public String rejection() {
        return rejection;
    }
}
