/**
 * The tick validator that stands in front of both the host's feed and the paper broker: a row it refuses
 * can neither feed a decision nor fill an order.
 */
package com.vproptrader.marketdata.quality;
