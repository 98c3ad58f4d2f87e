/** Market data files in MetaTrader 5 export layouts, and a seeded synthetic tick generator. */
package com.vproptrader.sim.data;
