package com.vproptrader.gateway.frame;

/**
 * A frame that cannot be accepted. Carries what the gateway answers with: the error code and the
 * {@code seq} of the offending frame when it could be read (0 otherwise).
 */
public final class FrameException extends Exception {
    private final ErrorCode code;
    private final long refSeq;

    public FrameException(ErrorCode code, long refSeq, String message) {
        super(message);
        this.code = code;
        this.refSeq = refSeq;
    }

    public ErrorCode code() {
        return code;
    }

    public long refSeq() {
        return refSeq;
    }

    /** The error frame that answers this problem; {@code seq} is 0 because the gateway originates it. */
    public ErrorFrame toErrorFrame() {
        return new ErrorFrame(0, code, getMessage(), refSeq);
    }
}
