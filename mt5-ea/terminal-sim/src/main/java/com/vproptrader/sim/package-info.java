/** The MT5 terminal + broker stand-in: speaks the EA protocol to the gateway, replays market data, fills signals. */
package com.vproptrader.sim;
