/** Overview page: money, counters, equity curve, open positions, link and engine state. */
package com.vproptrader.ui.views.overview;
