/**
 * Performance analytics over closed trades: trade-level figures (win rate, profit factor, expectancy) and
 * day-level risk figures (Sharpe, Sortino, Calmar, VaR 95, ES 95, maximum drawdown and its duration), per
 * alpha, regime, symbol, session and overall. Conventions in {@code docs/analytics.md}.
 */
package com.vproptrader.host.analytics;
