package com.vproptrader.host.journal;

import com.google.protobuf.util.JsonFormat;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Note;
import com.vproptrader.proto.Tick;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The tick and account payloads written field by field are JsonFormat's text, character for character. */
class CommonRecordJsonTest {
    private static final JsonFormat.Printer JSON_FORMAT = JsonFormat.printer().omittingInsignificantWhitespace().sortingMapKeys();
    private static final double[] EDGES = {0.0, -0.0, 1.0, -1.0, 1.09496, 1e-5, 1.0E-7, 123456.789, 1e7, 1.0E21, 9.99e-300,
            Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2};
    private static final String[] TEXTS = {"", "EURUSD", "US30.cash", "BTC/USD", "bench", "USD", "a\"b", "back\\slash",
            "<tag>", "a&b", "k=v", "it's", "tab\there", "new\nline", "é", "\u2028", "EUR USD", "#1 (x)"};

    @Test
    void aTickRecordIsJsonFormatsTextForEveryKindOfValue() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            Tick tick = Tick.newBuilder().setSymbol(text(random)).setTimeMsc(int64(random)).setBid(number(random))
                    .setAsk(number(random)).setLast(number(random)).setVolume(number(random))
                    .setFlags(random.nextInt(4) == 0 ? 0 : random.nextInt(5) == 0 ? -random.nextInt(1000) : random.nextInt(128))
                    .build();
            assertSameText(JournalRecord.newBuilder().setLoopNanos(int64(random)).setTick(tick).build());
        }
    }

    @Test
    void anAccountRecordIsJsonFormatsTextForEveryKindOfValue() {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            Account.Builder account = Account.newBuilder().setAccountId(text(random)).setCurrency(text(random))
                    .setBalance(number(random)).setEquity(number(random)).setMargin(number(random))
                    .setFreeMargin(number(random)).setServerTimeMsc(int64(random)).setLeverage(number(random));
            switch (random.nextInt(4)) {
                case 0 -> account.setMarginMode(MarginMode.NETTING);
                case 1 -> account.setMarginMode(MarginMode.HEDGING);
                case 2 -> account.setMarginModeValue(7); // a mode this build does not know
                default -> { }
            }
            assertSameText(JournalRecord.newBuilder().setLoopNanos(int64(random)).setAccount(account).build());
        }
    }

    @Test
    void anInputRunIsJsonFormatsTextForEveryKindOfValue() {
        Random random = new Random(13);
        for (int i = 0; i < 5_000; i++) {
            com.vproptrader.proto.InputRun.Builder run = com.vproptrader.proto.InputRun.newBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                run.addRecords(random.nextBoolean()
                        ? JournalRecord.newBuilder().setLoopNanos(int64(random)).setTick(Tick.newBuilder()
                        .setSymbol(text(random)).setTimeMsc(int64(random)).setBid(number(random)).setAsk(number(random))).build()
                        : JournalRecord.newBuilder().setLoopNanos(int64(random)).setAccount(Account.newBuilder()
                        .setAccountId(text(random)).setEquity(number(random)).setServerTimeMsc(int64(random))).build());
            }
            assertSameText(JournalRecord.newBuilder().setInputRun(run).build());
        }
        JournalRecord plainRun = JournalRecord.newBuilder().setInputRun(com.vproptrader.proto.InputRun.newBuilder()
                .addRecords(JournalRecord.newBuilder().setTick(Tick.newBuilder().setSymbol("EURUSD")))).build();
        assertThat(CommonRecordJson.json(plainRun)).as("a run of plain records takes the direct writer").isNotNull();
    }

    @Test
    void emptyBodiesAndOtherKindsAreRenderedTheSameWay() throws Exception {
        assertSameText(JournalRecord.newBuilder().setTick(Tick.getDefaultInstance()).build());
        assertSameText(JournalRecord.newBuilder().setAccount(Account.getDefaultInstance()).build());
        assertSameText(JournalRecord.newBuilder().setInputRun(com.vproptrader.proto.InputRun.getDefaultInstance()).build());
        JournalRecord note = JournalRecord.newBuilder().setNote(Note.newBuilder().setText("x")).build();
        assertThat(CommonRecordJson.json(note)).as("other kinds go through JsonFormat").isNull();
        assertThat(JournalKinds.json(note)).isEqualTo(JSON_FORMAT.print(note));
    }

    @Test
    void ticksTakeTheDirectWriter_whileItKnowsEveryFieldOfTheRecord() {
        JournalRecord tick = JournalRecord.newBuilder().setLoopNanos(5).setTick(Tick.newBuilder().setSymbol("EURUSD")
                .setTimeMsc(1).setBid(1.1).setAsk(1.2)).build();
        assertThat(CommonRecordJson.json(tick)).as("a schema change would turn the direct writer off").isNotNull();
        assertThat(CommonRecordJson.json(tick.toBuilder()
                .setFillSource(com.vproptrader.proto.FillSource.FILL_SOURCE_TERMINAL_HISTORY).build())).isNull();
    }

    @Test
    void aTickReadBackFromItsTextIsTheSameTick() {
        JournalRecord record = JournalRecord.newBuilder().setLoopNanos(1_704_191_400_118_000_000L).setTick(Tick.newBuilder()
                .setSymbol("EURUSD").setTimeMsc(1_704_191_400_118L).setBid(1.09496).setAsk(1.09504).setFlags(6)).build();
        String text = JournalKinds.json(record);
        assertThat(text).isEqualTo("{\"loopNanos\":\"1704191400118000000\",\"tick\":{\"symbol\":\"EURUSD\","
                + "\"timeMsc\":\"1704191400118\",\"bid\":1.09496,\"ask\":1.09504,\"flags\":6}}");
        assertThat(JournalKinds.read(new JournalEntry(1, 1_704_191_400_118L, "tick", "EURUSD", text, ""))).isEqualTo(record);
    }

    private static void assertSameText(JournalRecord record) {
        String expected;
        try {
            expected = JSON_FORMAT.print(record);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(JournalKinds.json(record)).as(record.toString()).isEqualTo(expected);
    }

    private static double number(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> Math.round(random.nextDouble() * 2_000_000) / 100_000.0; // a quote with five decimals
            case 2 -> Math.round((random.nextDouble() - 0.5) * 20_000_000) / 100.0; // money in cents, either sign
            case 3 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
            default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        };
    }

    private static long int64(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextLong();
            case 2 -> 1_704_191_400_000L + random.nextInt(1_000_000_000);
            default -> -random.nextInt(1000);
        };
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
