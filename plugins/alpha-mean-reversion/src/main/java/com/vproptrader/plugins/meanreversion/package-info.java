/** The mean-reversion alpha plugin. Depends only on the plugin API. */
package com.vproptrader.plugins.meanreversion;
