/** The EA side of the wire: a reconnecting TCP client that speaks mt5-ea/PROTOCOL.md to the gateway. */
package com.vproptrader.sim.link;
