package com.vproptrader.gateway.frame;

/** A frame the gateway sends to the EA: either a host command or an error. */
public sealed interface ToEaFrame permits CommandFrame, ErrorFrame {
    long seq();
}
