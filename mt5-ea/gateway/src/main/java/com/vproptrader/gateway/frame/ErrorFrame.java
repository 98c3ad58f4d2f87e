package com.vproptrader.gateway.frame;

/**
 * {@code {"v":1,"type":"error","seq":0,"code":"bad_value","message":"...","refSeq":7}}.
 *
 * @param seq     0 for frames the gateway originates (errors are link-level, not host commands)
 * @param code    what went wrong
 * @param message human-readable detail, for logs only: never parse it
 * @param refSeq  the {@code seq} of the frame that caused it, 0 when unknown (e.g. unparseable line)
 */
public record ErrorFrame(long seq, ErrorCode code, String message, long refSeq) implements ToEaFrame {
}
