package com.vproptrader.sim.broker;

import com.vproptrader.proto.Signal;

/** A market order on its way to the trade server: it fills on the first tick of its symbol at or after {@code dueMsc}. */
record PendingOrder(Signal signal, long sentMsc, long dueMsc) {
}
