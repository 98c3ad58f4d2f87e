/** Threads for work beside the account loops (indexing, forecasts, retraining) that must not take a core from them. */
package com.vproptrader.host.background;
