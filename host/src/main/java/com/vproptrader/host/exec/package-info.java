/**
 * Execution quality: what this account's own market and order flow looks like (spreads by session, quote
 * activity, slippage of its fills, round-trip latency), handed to filter plugins as {@code FilterInput}, and
 * the trading-wide latency pause. Entry point: {@link com.vproptrader.host.exec.ExecutionQuality}.
 */
package com.vproptrader.host.exec;
