/**
 * Incremental market features per symbol (O(1) per update, allocation-free in steady state), the rolling
 * correlation matrix across symbols and the trend/volatility regime. Fed by
 * {@link com.vproptrader.host.feed.Feed} through {@link com.vproptrader.host.feature.FeatureEngine}.
 */
package com.vproptrader.host.feature;
