package com.vproptrader.host.engine;

/** What an operator can ask of an account through AdminService. */
public enum OperatorAction {
    /** No new orders until an operator resumes. */
    HALT,
    /** Lift a halt, when no rule still forbids trading. */
    RESUME,
    /** Close every open position at market. */
    FLATTEN_ALL
}
