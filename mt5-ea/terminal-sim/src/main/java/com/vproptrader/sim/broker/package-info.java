/** A netting-free (hedging) market-execution broker: fills, SL/TP, margin, equity; pure and single-threaded. */
package com.vproptrader.sim.broker;
