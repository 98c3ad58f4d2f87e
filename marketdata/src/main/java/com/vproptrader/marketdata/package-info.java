/** Market data shared by the host and the terminal stand-in: sources of ticks and bars, per-symbol state. */
package com.vproptrader.marketdata;
