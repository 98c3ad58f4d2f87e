/** Process wiring: configuration, start-up, shutdown. */
package com.vproptrader.host.app;
