package com.vproptrader.host.plugin;

/** A plugin version refused while loading or validating; the message is the quarantine reason. */
final class RefusedException extends RuntimeException {
    RefusedException(String reason) {
        super(reason, null, false, false);
    }
}
