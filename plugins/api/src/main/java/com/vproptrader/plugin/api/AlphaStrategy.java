package com.vproptrader.plugin.api;

import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaNeeds;
import com.vproptrader.proto.AlphaOutput;
import org.pf4j.ExtensionPoint;

/**
 * Proposes a direction for one symbol at one event.
 *
 * <p>Called for the account's event loop, one call at a time: once per symbol when a bar of the host's feature
 * timeframe closes, and on every tick too when {@link #needs()} says {@code on_ticks}. Live the call runs on the
 * account loop's own thread, watched: if it hangs past its budget the host abandons that thread to it and the loop
 * goes on on a fresh one; in a replay it runs on the replaying thread, with no
 * time budget. It must be fast (the live budget is a few milliseconds), must not block, and must not keep state that depends on anything but the
 * inputs it has seen: replay feeds the same inputs again. Throwing or overrunning the budget gets the plugin
 * quarantined. Before it has the history it needs (its warm-up) it answers "no trade" and says so.
 */
public interface AlphaStrategy extends ExtensionPoint {
    AlphaOutput evaluate(AlphaInput input);

    /** What this alpha reads (features, bars, peers) and whether it wants ticks; read once per loaded version. */
    default AlphaNeeds needs() {
        return AlphaNeeds.getDefaultInstance();
    }
}
