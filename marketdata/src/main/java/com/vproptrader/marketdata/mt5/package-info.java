/**
 * The one reader of MT5 "Export ticks"/"Export bars" files (UTF-16 or UTF-8, empty fields carried forward as
 * MqlTick does) and of any other CSV through a JSON header mapping. Rows are parsed, never judged: judging is
 * {@link com.vproptrader.marketdata.quality.TickValidator}'s job.
 */
package com.vproptrader.marketdata.mt5;
