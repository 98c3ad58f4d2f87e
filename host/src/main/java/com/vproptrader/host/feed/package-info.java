/**
 * Market data ingestion: the one path (live link and file replay alike) that validates ticks, detects
 * gaps and builds closed bars in broker server time. See {@link com.vproptrader.host.feed.Feed}.
 */
package com.vproptrader.host.feed;
