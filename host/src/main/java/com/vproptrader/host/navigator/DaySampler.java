package com.vproptrader.host.navigator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws simulated trading days: a stationary block bootstrap (Politis and Romano 1994) of the account's own
 * days, with the expected block length from {@link BlockLength}, mixed with the {@link OutcomePrior} while the
 * history is short. Blocks keep runs of good and bad days together, so streaks in the data survive.
 */
final class DaySampler {
    private final List<TradingDay> days;
    private final double blockLength;
    private final OutcomePrior prior;
    private final double priorShare;

    DaySampler(TradeHistory history, OutcomePrior prior) {
        this.days = history.days();
        this.blockLength = days.isEmpty() ? 1 : BlockLength.of(history.dailyR());
        this.prior = prior;
        this.priorShare = prior.share(days.size());
    }

    double blockLength() {
        return blockLength;
    }

    double priorShare() {
        return priorShare;
    }

    Cursor cursor(SplittableRandom rng) {
        return new Cursor(rng);
    }

    /** One path's position in the bootstrap: a block continues with probability 1 − 1/b. */
    final class Cursor {
        private final SplittableRandom rng;
        private int index = -1;

        private Cursor(SplittableRandom rng) {
            this.rng = rng;
        }

        TradingDay next() {
            if (days.isEmpty() || rng.nextDouble() < priorShare) {
                return prior.draw(rng);
            }
            if (index < 0 || rng.nextDouble() < 1 / blockLength) {
                index = rng.nextInt(days.size());
            } else {
                index = (index + 1) % days.size(); // circular, so every day is equally likely
            }
            return days.get(index);
        }
    }
}
