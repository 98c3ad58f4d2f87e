package com.vproptrader.gateway.frame;

import com.vproptrader.proto.HostCommand;

/** A host command as it travels to the EA; the frame's {@code seq} is the command's {@code seq}. */
public record CommandFrame(HostCommand command) implements ToEaFrame {
    @Override
    public long seq() {
        return command.getSeq();
    }
}
