package com.vproptrader.host.analytics;

/**
 * The performance of one group of closed trades. Money in account currency; ratios are plain numbers.
 * NaN means "not defined for this sample" (e.g. Sharpe of one day); +Infinity means a ratio over a zero
 * denominator with a positive numerator (profit factor without losses, Sortino without a losing day).
 *
 * @param trades             closed trades
 * @param wins               trades with a net result above zero
 * @param netProfit          sum of net results
 * @param grossProfit        sum of the winning results
 * @param grossLoss          sum of the losing results, as a positive amount
 * @param winRate            wins / trades
 * @param profitFactor       grossProfit / grossLoss
 * @param expectancy         mean net result per trade
 * @param expectancyR        mean R (net result over planned risk) of the trades that had a stop
 * @param days               trading days from the first to the last close, days without a close counted as flat
 * @param sharpe             annualised: mean daily return / sample sd of daily returns × √252
 * @param sortino            annualised: mean daily return / downside deviation × √252
 * @param calmar             annualised compound return / max drawdown (as fractions)
 * @param var95              historical one-day value at risk at 95%, a positive money loss
 * @param es95               historical one-day expected shortfall at 95%, a positive money loss
 * @param maxDrawdown        largest fall of the closed-trade equity from a peak, money
 * @param maxDrawdownPct     the same as a fraction of that peak
 * @param maxDrawdownDays    longest stretch, in trading days, from a peak until equity regained it (or the end)
 */
public record Metrics(int trades, int wins, double netProfit, double grossProfit, double grossLoss, double winRate,
                      double profitFactor, double expectancy, double expectancyR, int days, double sharpe,
                      double sortino, double calmar, double var95, double es95, double maxDrawdown,
                      double maxDrawdownPct, int maxDrawdownDays) {
}
