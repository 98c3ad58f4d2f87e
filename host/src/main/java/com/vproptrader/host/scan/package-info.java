/**
 * The strategy layer between features and execution: the {@link com.vproptrader.host.scan.Scanner} asks every
 * active alpha about a symbol when its bar closes (and on ticks for alphas that ask), merges the votes with the
 * adaptive {@link com.vproptrader.host.scan.AlphaWeights}, lets the Thompson-sampling
 * {@link com.vproptrader.host.scan.RegimeBandit} decide which alphas may trade in the current regime, and grades
 * the result with the {@link com.vproptrader.host.scan.QScore} (A+, A, B, C). Only A+ and A go on to filters,
 * sizing and the governors. See docs/strategy.md.
 */
package com.vproptrader.host.scan;
