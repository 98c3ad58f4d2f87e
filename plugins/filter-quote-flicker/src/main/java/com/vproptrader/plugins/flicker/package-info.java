/** The quote-flicker filter plugin: skips candidates in quote bursts. Depends only on the plugin API. */
package com.vproptrader.plugins.flicker;
