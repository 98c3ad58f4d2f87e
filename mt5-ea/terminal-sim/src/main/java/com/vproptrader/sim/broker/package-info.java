/** The paper broker behind the terminal stand-in: symbol specs, netting/hedging execution, swaps, margin, stop-out; pure and deterministic. */
package com.vproptrader.sim.broker;
