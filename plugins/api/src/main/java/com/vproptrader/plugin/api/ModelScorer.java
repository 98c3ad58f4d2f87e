package com.vproptrader.plugin.api;

import com.vproptrader.proto.ModelInput;
import com.vproptrader.proto.ModelOutput;
import org.pf4j.ExtensionPoint;

/**
 * Scores a candidate: the probability that it reaches its take-profit before its stop.
 * Same threading and time-budget contract as {@link AlphaStrategy}.
 */
public interface ModelScorer extends ExtensionPoint {
    ModelOutput score(ModelInput input);
}
