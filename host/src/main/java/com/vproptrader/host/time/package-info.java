/**
 * Time as the prop firms define it: the broker's MT5 server clock ({@link com.vproptrader.host.time.ServerClock}),
 * the wall clocks a rule pack may name ({@link com.vproptrader.host.time.WallClock}), the trading day's reset
 * ({@link com.vproptrader.host.time.DayReset}), a pack's trading sessions and the forex weekend
 * ({@link com.vproptrader.host.time.MarketHours}). The one owner of these rules: the governors, the features and
 * the navigator read them from here.
 */
package com.vproptrader.host.time;
