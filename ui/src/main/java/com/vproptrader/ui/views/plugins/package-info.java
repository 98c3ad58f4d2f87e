/** Plugins page: every plugin version the host knows, with state and quarantine reason. */
package com.vproptrader.ui.views.plugins;
