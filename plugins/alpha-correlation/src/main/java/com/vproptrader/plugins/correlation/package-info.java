/** The cross-asset pair-divergence alpha plugin. Depends only on the plugin API. */
package com.vproptrader.plugins.correlation;
