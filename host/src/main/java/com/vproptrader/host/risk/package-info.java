/**
 * Risk sizing: how much to risk ({@link com.vproptrader.host.risk.EntropyKelly}: fractional Kelly shrunk by
 * the model's predictive entropy, capped), where the stops go ({@link com.vproptrader.host.risk.StopPlanner}:
 * SL 0.8σ, TP1 1.5·SL, TP2 2.4·SL, stops level respected), how many lots lose exactly at most that
 * budget at the SL ({@link com.vproptrader.host.risk.LotSizer}: rounded down to the volume step, no trade
 * below the minimum), no more than a 1% daily portfolio volatility allows
 * ({@link com.vproptrader.host.risk.VolatilityTarget}); all combined by
 * {@link com.vproptrader.host.risk.PositionSizer#size}. {@link com.vproptrader.host.risk.ExpectedShortfall}: ES95,
 * historical and parametric, per position and portfolio. {@link com.vproptrader.host.risk.Money} and
 * {@link com.vproptrader.host.risk.PriceMove} are the exact money arithmetic the governors share.
 * Sizing proposes; the governors (package govern) decide.
 */
package com.vproptrader.host.risk;
