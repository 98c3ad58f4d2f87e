/** The EA wire format: newline-delimited JSON frames to and from protobuf messages (mt5-ea/PROTOCOL.md). */
package com.vproptrader.gateway.frame;
