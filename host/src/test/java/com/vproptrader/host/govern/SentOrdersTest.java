package com.vproptrader.host.govern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SentOrdersTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void aWindowCountsOrdersAfterItsStartAndAtOrBeforeItsEnd() {
        SentOrders sent = SentOrders.of(java.util.List.of(order("a", 0), order("b", 10), order("c", 10), order("d", 70)));

        assertThat(sent.countSentIn(T0, T0.plusSeconds(60))).isEqualTo(2); // b, c: a is at the start, d after the end
        assertThat(sent.countSentIn(T0.minusSeconds(1), T0.plusSeconds(70))).isEqualTo(4);
        assertThat(sent.countSentIn(T0.plusSeconds(10), T0.plusSeconds(69))).isZero();
        assertThat(sent.contains("c")).isTrue();
        assertThat(sent.contains("e")).isFalse();
    }

    @Test
    void forgettingTheOldestDropsTheirKeys_andKeepsAKeySentAgainLater() {
        SentOrders sent = SentOrders.of(java.util.List.of(order("a", 0), order("b", 5), order("a", 20)));

        assertThat(sent.forgetBefore(T0.plusSeconds(6))).isTrue();
        assertThat(sent.size()).isEqualTo(1);
        assertThat(sent.contains("b")).isFalse();
        assertThat(sent.contains("a")).isTrue(); // the later send of "a" is still remembered
        assertThat(sent.forgetBefore(T0.plusSeconds(6))).isFalse();
        assertThat(sent.forgetBefore(T0.plusSeconds(21))).isTrue();
        assertThat(sent.contains("a")).isFalse();
        assertThat(sent.countSentIn(T0.minusSeconds(1), T0.plusSeconds(100))).isZero();
    }

    /** The index answers exactly as a scan of the remembered orders would, send times going backwards or not. */
    @Test
    void randomSendsAndForgets_answerAsAScanOfTheRememberedOrders() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 50; run++) {
            SentOrders sent = new SentOrders();
            Deque<SentOrder> scan = new ArrayDeque<>();
            long t = 0;
            for (int step = 0; step < 3_000; step++) {
                // mostly forward in time, now and then a step back (an event time that went backwards)
                t += random.nextInt(10) == 0 ? -random.nextInt(30) : random.nextInt(20);
                SentOrder o = order("k" + random.nextInt(400), t);
                sent.add(o);
                scan.addLast(o);
                if (random.nextInt(4) == 0) {
                    Instant cutoff = T0.plusSeconds(t - 600);
                    boolean forgot = false;
                    while (!scan.isEmpty() && scan.peekFirst().time().isBefore(cutoff)) {
                        scan.removeFirst();
                        forgot = true;
                    }
                    assertThat(sent.forgetBefore(cutoff)).isEqualTo(forgot);
                }
                Instant now = T0.plusSeconds(t + random.nextInt(40) - 20);
                Instant from = now.minusSeconds(60);
                long expected = scan.stream().filter(s -> s.time().isAfter(from) && !s.time().isAfter(now)).count();
                assertThat(sent.countSentIn(from, now)).isEqualTo(expected);
                String key = "k" + random.nextInt(400);
                assertThat(sent.contains(key)).isEqualTo(scan.stream().anyMatch(s -> s.key().equals(key)));
                assertThat(sent.size()).isEqualTo(scan.size());
            }
        }
    }

    private static SentOrder order(String key, long second) {
        return new SentOrder(key, T0.plusSeconds(second));
    }
}
