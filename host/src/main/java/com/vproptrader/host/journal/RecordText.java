package com.vproptrader.host.journal;

import com.vproptrader.plugin.api.Decimals;
import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.EvidenceRecord;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.SizingRecord;
import com.vproptrader.proto.VoteRecord;

/** One line a person reads for a journal record (the trade log's decisions); never on the event loop. */
public final class RecordText {
    private RecordText() {
    }

    /** The line of {@code r}, whose journal payload is {@code json}: that text for a record with no line of its own. */
    public static String of(JournalRecord r, String json) {
        return switch (r.getBodyCase()) {
            case CANDIDATE -> candidate(r.getCandidate());
            case VETO -> r.getVeto().getDetail();
            case SIZING -> sizing(r.getSizing());
            case EVIDENCE -> evidence(r.getEvidence());
            default -> {
                String text = JournalKinds.text(r);
                yield text.isEmpty() ? json : text;
            }
        };
    }

    /** As {@code String.format} with {@code %.Nf} would print it, without a formatter: the indexer runs it per candidate. */
    static String candidate(CandidateRecord c) {
        StringBuilder b = new StringBuilder(256).append(c.getGrade()).append(" Q*=");
        Decimals.fixed(b, c.getQStar(), 3).append(' ').append(c.getSide()).append(" agreement ");
        Decimals.fixed(b, c.getAgreement(), 2).append(" model ");
        orDash(b, c.getModel(), 3).append(" regime ").append(c.getRegime()).append(" fit ");
        Decimals.fixed(b, c.getRegimeFit(), 3).append(" execution ");
        orDash(b, c.getExecution(), 2).append(" lead ").append(c.getLead()).append("; votes [");
        for (int i = 0; i < c.getVotesCount(); i++) {
            VoteRecord v = c.getVotes(i);
            b.append(i == 0 ? "" : ", ").append(v.getAlpha()).append(' ').append(v.getSide()).append(' ');
            Decimals.fixed(b, v.getStrength(), 2).append(" w");
            Decimals.fixed(b, v.getWeight(), 2).append(" (").append(v.getReason()).append(')');
        }
        return b.append(']').toString();
    }

    /** {@code x} with {@code digits} decimals, "-" for NaN (no model, no execution estimate). */
    private static StringBuilder orDash(StringBuilder b, double x, int digits) {
        return Double.isNaN(x) ? b.append('-') : Decimals.fixed(b, x, digits);
    }

    private static String sizing(SizingRecord s) {
        return s.getLots() + " lots, loss at SL " + s.getLossAtStop() + " of budget " + s.getBudget()
                + " (" + s.getLimitedBy() + ")";
    }

    private static String evidence(EvidenceRecord e) {
        StringBuilder b = Decimals.fixed(new StringBuilder(96).append("p(win) "), e.getPWin(), 4)
                .append(" from ").append(e.getPWinFrom()).append(", payoff ");
        Decimals.fixed(b, e.getPayoff(), 3).append(" (stop plan ");
        return Decimals.fixed(b, e.getStopPlanPayoff(), 2).append(')').toString();
    }
}
