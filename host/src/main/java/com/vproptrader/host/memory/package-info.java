/**
 * The account's memory of trade outcomes. {@link com.vproptrader.host.memory.TradeTracker} turns fills into
 * {@link com.vproptrader.host.memory.ClosedTrade}s, each tagged with the alpha, the regime and the session at
 * entry; {@link com.vproptrader.host.memory.ShortTermMemory} keeps the newest of them with rolling
 * statistics per alpha × regime × symbol for the strategy layer and the challenge navigator.
 */
package com.vproptrader.host.memory;
