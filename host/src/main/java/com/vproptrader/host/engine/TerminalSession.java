package com.vproptrader.host.engine;

import com.vproptrader.proto.HostCommand;

/** The connected terminal as the event loop sees it: somewhere to send commands. Called from the loop only. */
public interface TerminalSession {
    void send(HostCommand command);

    /** Ends the session (the gateway sees the stream close and the EA reconnects). */
    void close(String reason);
}
