package com.vproptrader.host.scan;

import java.util.List;

/**
 * What the strategy layer reads of closed trades: outcomes per alpha × regime × symbol, any of them "*" for
 * all. The store of closed trades is the memory package's; this is only the view the scanner and the sizing
 * need of it.
 */
public interface TradeEvidence {
    String ANY = "*";

    /** No closed trade yet: every estimate is its prior. */
    TradeEvidence NONE = new TradeEvidence() {
        @Override
        public Outcomes outcomes(String alpha, String regime, String symbol) {
            return Outcomes.NONE;
        }

        @Override
        public List<Result> recent(int max) {
            return List.of();
        }
    };

    Outcomes outcomes(String alpha, String regime, String symbol);

    /** The newest {@code max} closed trades' results, oldest first. */
    List<Result> recent(int max);

    /** One closed trade as the weights see it: its alpha, when it closed, its result in R (NaN without a stop). */
    record Result(String alpha, long closeTimeMsc, double r) {
    }

    /**
     * Closed-trade outcomes of one key.
     *
     * @param wins      trades with a net result above zero
     * @param losses    the others
     * @param meanWinR  mean result of the winners in units of their planned risk (R), NaN when none had a stop
     * @param winRs     winners with a stop (the count meanWinR is over)
     * @param meanLossR mean |result| of the losers in R, NaN when none had a stop
     * @param lossRs    losers with a stop
     */
    record Outcomes(int wins, int losses, double meanWinR, int winRs, double meanLossR, int lossRs) {
        public static final Outcomes NONE = new Outcomes(0, 0, Double.NaN, 0, Double.NaN, 0);

        public int count() {
            return wins + losses;
        }
    }
}
