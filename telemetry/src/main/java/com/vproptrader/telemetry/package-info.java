/** The Prometheus {@code /metrics} endpoint every process serves (Micrometer); what each exposes: ops/monitoring. */
package com.vproptrader.telemetry;
