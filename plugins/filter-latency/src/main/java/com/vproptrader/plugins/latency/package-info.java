/** The latency filter plugin: a per-candidate veto on slow round trips. Depends only on the plugin API. */
package com.vproptrader.plugins.latency;
