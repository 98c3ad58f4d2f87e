/** The tick-momentum alpha plugin. Depends only on the plugin API. */
package com.vproptrader.plugins.momentum;
