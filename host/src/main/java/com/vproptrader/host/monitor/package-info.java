/** Monitoring: the host's Prometheus meters, read from the same status the operators see. */
package com.vproptrader.host.monitor;
