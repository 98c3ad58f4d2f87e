package com.vproptrader.host.engine;

/**
 * What the account loop reports for monitoring. Called on the loop thread: an implementation must be quick and
 * never block (a counter or a histogram update). Nothing here feeds back into a decision.
 */
public interface LoopProbe {
    LoopProbe NONE = new LoopProbe() {
        @Override
        public void eventHandled(long arrivedNanos, long doneNanos) {
        }

        @Override
        public void signalSent(long sinceEventNanos, long waitedNanos) {
        }
    };

    /** A terminal event reached the host at {@code arrivedNanos} and the loop finished it at {@code doneNanos}. */
    void eventHandled(long arrivedNanos, long doneNanos);

    /**
     * A signal left for the terminal {@code sinceEventNanos} after the event that decided it reached the host; of
     * that, the event waited {@code waitedNanos} in the loop's inbox (behind other work) before the loop took it.
     */
    void signalSent(long sinceEventNanos, long waitedNanos);
}
