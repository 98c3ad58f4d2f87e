/** The spread filter plugin. Depends only on the plugin API. */
package com.vproptrader.plugins.spread;
