package com.vproptrader.host.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.EvidenceRecord;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.VoteRecord;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecordTextTest {
    @Test
    void aCandidatesLine_readsAsTheFormatterWouldPrintIt() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 5_000; i++) {
            CandidateRecord.Builder c = CandidateRecord.newBuilder().setGrade(i % 2 == 0 ? "A+" : "B")
                    .setQStar(number(random)).setSide(random.nextBoolean() ? Side.BUY : Side.SELL)
                    .setAgreement(number(random)).setModel(i % 3 == 0 ? Double.NaN : number(random))
                    .setRegime("TREND").setRegimeFit(number(random)).setExecution(i % 5 == 0 ? Double.NaN : number(random))
                    .setLead("alpha-momentum@1.2.0");
            for (int v = 0; v < i % 4; v++) {
                c.addVotes(VoteRecord.newBuilder().setAlpha("alpha-" + v).setSide(Side.SELL)
                        .setStrength(number(random)).setWeight(number(random)).setReason("why " + v));
            }
            CandidateRecord candidate = c.build();
            assertThat(RecordText.of(JournalRecord.newBuilder().setCandidate(candidate).build(), "{}"))
                    .isEqualTo(formatted(candidate));
        }
    }

    @Test
    void evidence_readsAsTheFormatterWouldPrintIt() {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 5_000; i++) {
            EvidenceRecord e = EvidenceRecord.newBuilder().setPWin(number(random)).setPWinFrom("model plugin")
                    .setPayoff(number(random)).setStopPlanPayoff(number(random)).build();
            assertThat(RecordText.of(JournalRecord.newBuilder().setEvidence(e).build(), "{}")).isEqualTo(String.format(
                    Locale.ROOT, "p(win) %.4f from %s, payoff %.3f (stop plan %.2f)", e.getPWin(), e.getPWinFrom(),
                    e.getPayoff(), e.getStopPlanPayoff()));
        }
    }

    /** Values of every kind the records carry: probabilities, ties at the printed digits, negatives, NaN. */
    private static double number(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextInt(-20_000, 20_000) / 2000.0;
            case 2 -> (random.nextDouble() - 0.5) * 1e4;
            case 3 -> Math.round(random.nextDouble() * 1e4) / 1e4 + 0.00005;
            default -> random.nextInt(10) == 0 ? Double.NaN : -random.nextDouble();
        };
    }

    /** The line as String.format printed it before the indexer stopped using a formatter. */
    private static String formatted(CandidateRecord c) {
        return String.format(Locale.ROOT, "%s Q*=%.3f %s agreement %.2f model %s regime %s fit %.3f execution %s lead %s; votes %s",
                c.getGrade(), c.getQStar(), c.getSide(), c.getAgreement(),
                Double.isNaN(c.getModel()) ? "-" : String.format(Locale.ROOT, "%.3f", c.getModel()),
                c.getRegime(), c.getRegimeFit(),
                Double.isNaN(c.getExecution()) ? "-" : String.format(Locale.ROOT, "%.2f", c.getExecution()),
                c.getLead(), c.getVotesList().stream().map(v -> String.format(Locale.ROOT, "%s %s %.2f w%.2f (%s)",
                        v.getAlpha(), v.getSide(), v.getStrength(), v.getWeight(), v.getReason()))
                        .collect(Collectors.joining(", ", "[", "]")));
    }
}
