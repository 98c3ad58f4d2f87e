/** The range-breakout alpha plugin. Depends only on the plugin API. */
package com.vproptrader.plugins.breakout;
