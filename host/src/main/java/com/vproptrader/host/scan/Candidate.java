package com.vproptrader.host.scan;

import com.vproptrader.proto.Side;

import java.util.List;

/**
 * A graded trade idea for one symbol at one scan.
 *
 * @param symbol      the instrument
 * @param side        the direction of the weighted net vote
 * @param agreement   |Σ w·d·s| / Σ w over the voters, in [0, 1] (also the candidate's strength)
 * @param lead        the agreeing vote with the largest weight × strength: the trade is credited to its alpha
 * @param votes       every vote of the scan, agreeing or not
 * @param regime      the symbol's regime name at the scan
 * @param model       P(TP1 before SL) from a model plugin, NaN when none serves
 * @param modelVersion the model plugin's {@code id@version} that gave {@code model}, "" when none did
 * @param regimeFit   evidence win probability of the agreeing alphas in this regime
 * @param execution   min(1, mean spread / spread), NaN before spread statistics
 * @param q           the Q* score
 * @param grade       its grade
 */
public record Candidate(String symbol, Side side, double agreement, Vote lead, List<Vote> votes, String regime,
                        double model, String modelVersion, double regimeFit, double execution, double q,
                        Grade grade) {
    public Candidate {
        votes = List.copyOf(votes);
    }
}
