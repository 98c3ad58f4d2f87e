/** The EA gateway: accepts EA TCP connections (NDJSON) and bridges each to a TerminalLink gRPC stream. */
package com.vproptrader.gateway;
