package com.vproptrader.host.journal;

import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.EvidenceRecord;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.SizingRecord;
import com.vproptrader.proto.VoteRecord;

import java.util.Locale;
import java.util.stream.Collectors;

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

    static String candidate(CandidateRecord c) {
        return String.format(Locale.ROOT, "%s Q*=%.3f %s agreement %.2f model %s regime %s fit %.3f execution %s lead %s; votes %s",
                c.getGrade(), c.getQStar(), c.getSide(), c.getAgreement(),
                Double.isNaN(c.getModel()) ? "-" : String.format(Locale.ROOT, "%.3f", c.getModel()),
                c.getRegime(), c.getRegimeFit(),
                Double.isNaN(c.getExecution()) ? "-" : String.format(Locale.ROOT, "%.2f", c.getExecution()),
                c.getLead(), c.getVotesList().stream().map(RecordText::vote).collect(Collectors.joining(", ", "[", "]")));
    }

    private static String vote(VoteRecord v) {
        return String.format(Locale.ROOT, "%s %s %.2f w%.2f (%s)", v.getAlpha(), v.getSide(), v.getStrength(),
                v.getWeight(), v.getReason());
    }

    private static String sizing(SizingRecord s) {
        return s.getLots() + " lots, loss at SL " + s.getLossAtStop() + " of budget " + s.getBudget()
                + " (" + s.getLimitedBy() + ")";
    }

    private static String evidence(EvidenceRecord e) {
        return String.format(Locale.ROOT, "p(win) %.4f from %s, payoff %.3f (stop plan %.2f)", e.getPWin(),
                e.getPWinFrom(), e.getPayoff(), e.getStopPlanPayoff());
    }
}
