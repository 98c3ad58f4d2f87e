package com.vproptrader.plugin.api;

import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import org.pf4j.ExtensionPoint;

/**
 * Proposes a direction for one symbol at one event.
 *
 * <p>Called on the account's event-loop thread, once per tick of a symbol the alpha is enabled for.
 * It must be fast (the host's time budget is a few milliseconds), must not block, and must not keep
 * state that depends on anything but the inputs it has seen: replay feeds the same inputs again.
 * Throwing or overrunning the budget gets the plugin quarantined.
 */
public interface AlphaStrategy extends ExtensionPoint {
    AlphaOutput evaluate(AlphaInput input);
}
