/**
 * What the market calendar tells the governors: restricted news events and market breaks
 * ({@link com.vproptrader.host.govern.calendar.MarketCalendar}), from the macro package's economic calendar or a
 * calendar file.
 */
package com.vproptrader.host.govern.calendar;
