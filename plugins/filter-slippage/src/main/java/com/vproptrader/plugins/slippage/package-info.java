/** The slippage filter plugin: a robust slippage model fitted on the account's own fills. Depends only on the plugin API. */
package com.vproptrader.plugins.slippage;
