package com.vproptrader.gateway.frame;

import java.util.Arrays;
import java.util.Optional;

/** The {@code code} of an {@code error} frame. Wire names are lower_snake_case; see PROTOCOL.md. */
public enum ErrorCode {
    /** Not a JSON object, invalid UTF-8, trailing garbage, or {@code type}/{@code seq} missing or mistyped. */
    MALFORMED("malformed"),
    /** The line exceeded the maximum line length; it was discarded up to its newline. */
    TOO_LONG("too_long"),
    /** {@code type} is not a frame type for this direction. */
    UNKNOWN_TYPE("unknown_type"),
    /** A field has a wrong type or an impossible value (NaN price, ask below bid, negative volume...). */
    BAD_VALUE("bad_value"),
    /** {@code v} is missing or not a supported protocol version. */
    BAD_VERSION("bad_version"),
    /** A frame other than {@code hello} arrived before the connection said hello. */
    NOT_HELLO("not_hello"),
    /** Token mismatch, or the account is already connected ({@code duplicate_account}); the gateway closes. */
    AUTH("auth"),
    /**
     * The host refused this terminal's {@code hello} as invalid (gRPC INVALID_ARGUMENT or FAILED_PRECONDITION,
     * e.g. a symbol spec with tick value 0); the gateway closes. The same hello will be refused again: the EA
     * backs off long and shows it.
     */
    REFUSED("refused"),
    /** The host link failed or ended; the gateway closes the EA connection so that the EA reconnects. */
    HOST_UNAVAILABLE("host_unavailable"),
    /** The peer was silent longer than the silence timeout; the connection is closed. */
    TIMEOUT("timeout"),
    /** The EA does not read fast enough; its outbound queue overflowed and the connection is closed. */
    SLOW_CONSUMER("slow_consumer");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ErrorCode> fromWire(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
    }
}
