package com.vproptrader.host.journal;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.EntryRecord;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.VoteRecord;
import com.vproptrader.proto.WeightsRecord;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every journal kind, filled with every kind of value, renders to JsonFormat's text character for character. */
class PlainMessageJsonTest {
    private static final JsonFormat.Printer JSON_FORMAT = JsonFormat.printer().omittingInsignificantWhitespace().sortingMapKeys();
    private static final double[] EDGES = {0.0, -0.0, 1.09496, -12.5, 1e-7, 1.0E21, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.1 + 0.2};
    private static final String[] PLAIN_TEXTS = {"", "A", "momentum@1.2.0", "mom +2.31 sigma over 20 ticks (+4.0 pts)"};
    private static final String[] ESCAPED_TEXTS = {"a\"b", "x<y", "a&b", "k=v", "it's", "line\nbreak", "é", "tab\t",
            "back\\slash"};

    @Test
    void everyKindFilledWithEveryKindOfValueIsJsonFormatsText() throws Exception {
        Random random = new Random(13);
        int direct = 0;
        int all = 0;
        Set<JournalKind> neverDirect = EnumSet.noneOf(JournalKind.class);
        for (JournalKind kind : JournalKind.values()) {
            if (kind == JournalKind.KIND_UNSPECIFIED || kind == JournalKind.UNRECOGNIZED) {
                continue;
            }
            FieldDescriptor body = JournalRecord.getDescriptor().findFieldByNumber(kind.getNumber());
            int directOfKind = 0;
            for (int i = 0; i < 400; i++) {
                JournalRecord.Builder r = JournalRecord.newBuilder();
                if (random.nextBoolean()) {
                    r.setLoopNanos(random.nextLong());
                }
                Message.Builder b = r.newBuilderForField(body);
                fill(b, random, 0);
                JournalRecord record = r.setField(body, b.build()).build();
                assertThat(JournalKinds.json(record)).as(kind + ": " + record).isEqualTo(JSON_FORMAT.print(record));
                all++;
                directOfKind += PlainMessageJson.json(record) == null ? 0 : 1;
            }
            direct += directOfKind;
            if (directOfKind == 0) {
                neverDirect.add(kind);
            }
        }
        assertThat(direct).as("records written directly, not through JsonFormat").isGreaterThan(all / 3);
        assertThat(neverDirect).as("kinds always left to JsonFormat (entries and weights hold maps)").isEmpty();
    }

    @Test
    void anEntrysFeaturesAreWrittenWithTheirKeysSortedWhateverTheOrderTheyWereAddedIn() throws Exception {
        Map<String, Double> features = new LinkedHashMap<>();
        for (String key : new String[] {"z_score_20", "atr_14", "ATR_14", "rsi_14", "a", "a_b", "a.b", "_", "9lives",
                "spread_points", "a1", "a10", "a2", "Z", "~tilde", "bb width"}) {
            features.put(key, (double) features.size() * 0.37 - 2);
        }
        JournalRecord record = JournalRecord.newBuilder().setLoopNanos(123_456_789L).setEntry(EntryRecord.newBuilder()
                .setSignal(Signal.newBuilder().setSignalKey("acc1-42").setSymbol("EURUSD").setSide(Side.BUY)
                        .setVolume(0.37).setSl(1.08312).setTp1(1.08712).setExpiryMsc(1_704_153_605_123L))
                .setRegime("TRENDING").setRiskCents(50_000).putAllFeatures(features).setQStar(0.61).setGrade("A")
                .addPluginVersions("alpha-momentum@1.2.0").setAlphaStrength(-0.0)).build();
        String expected = JSON_FORMAT.print(record);
        assertThat(PlainMessageJson.json(record)).as("maps of plain keys need no JsonFormat").isEqualTo(expected);
        assertThat(expected).as("JsonFormat's order: UTF-8 bytes").containsSubsequence("\"features\":{\"9lives\":",
                "\"ATR_14\":", "\"Z\":", "\"_\":", "\"a\":", "\"a.b\":", "\"a1\":", "\"a10\":", "\"a2\":", "\"a_b\":",
                "\"atr_14\":", "\"bb width\":", "\"rsi_14\":", "\"spread_points\":", "\"z_score_20\":", "\"~tilde\":");
    }

    @Test
    void mapValuesAreWrittenLikeFieldsNanAndInfinitiesQuotedNegativeZeroKeptZeroIncluded() throws Exception {
        JournalRecord record = JournalRecord.newBuilder().setWeights(WeightsRecord.newBuilder()
                .putWeights("nan", Double.NaN).putWeights("inf", Double.POSITIVE_INFINITY)
                .putWeights("minus_inf", Double.NEGATIVE_INFINITY).putWeights("minus_zero", -0.0)
                .putWeights("zero", 0.0).putWeights("tiny", Double.MIN_VALUE).putWeights("big", 1.0E21)
                .putWeights("third", 0.1 + 0.2).putWeights("e-7", 1e-7)).build();
        assertThat(PlainMessageJson.json(record)).isEqualTo(JSON_FORMAT.print(record))
                .isEqualTo("{\"weights\":{\"weights\":{\"big\":1.0E21,\"e-7\":1.0E-7,\"inf\":\"Infinity\",\"minus_inf\":\"-Infinity\",\"minus_zero\":-0.0,"
                + "\"nan\":\"NaN\",\"third\":0.30000000000000004,\"tiny\":4.9E-324,\"zero\":0.0}}}");
    }

    @Test
    void anEmptyMapIsLeftOutLikeAnyEmptyField() throws Exception {
        JournalRecord weights = JournalRecord.newBuilder().setWeights(WeightsRecord.getDefaultInstance()).build();
        JournalRecord entry = JournalRecord.newBuilder().setEntry(EntryRecord.newBuilder().setRegime("RANGING")
                .setGrade("A+")).build();
        assertThat(PlainMessageJson.json(weights)).isEqualTo(JSON_FORMAT.print(weights)).isEqualTo("{\"weights\":{}}");
        assertThat(PlainMessageJson.json(entry)).isEqualTo(JSON_FORMAT.print(entry))
                .isEqualTo("{\"entry\":{\"regime\":\"RANGING\",\"grade\":\"A+\"}}");
    }

    @Test
    void aMapKeyJsonFormatEscapesLeavesTheRecordToItAndTheTextIsStillItsText() throws Exception {
        for (String key : ESCAPED_TEXTS) {
            JournalRecord record = JournalRecord.newBuilder().setWeights(WeightsRecord.newBuilder()
                    .putWeights("alpha-momentum", 1.0).putWeights(key, 0.5).putWeights("alpha-volume", 0.25)).build();
            assertThat(PlainMessageJson.json(record)).as(key).isNull();
            assertThat(JournalKinds.json(record)).as(key).isEqualTo(JSON_FORMAT.print(record));
        }
    }

    @Test
    void aKeyAddedTwiceThroughReflectionIsLeftToJsonFormatWhichKeepsTheLastValue() throws Exception {
        FieldDescriptor weights = WeightsRecord.getDescriptor().findFieldByName("weights");
        WeightsRecord.Builder b = WeightsRecord.newBuilder();
        for (double w : new double[] {1.0, 2.0}) {
            Message.Builder entry = b.newBuilderForField(weights);
            entry.setField(entry.getDescriptorForType().findFieldByName("key"), "alpha-momentum");
            entry.setField(entry.getDescriptorForType().findFieldByName("value"), w);
            b.addRepeatedField(weights, entry.build());
        }
        JournalRecord record = JournalRecord.newBuilder().setWeights(b).build();
        assertThat(JournalKinds.json(record)).isEqualTo(JSON_FORMAT.print(record))
                .isEqualTo("{\"weights\":{\"weights\":{\"alpha-momentum\":2.0}}}");
    }

    @Test
    void aCandidateWithItsVotesTakesTheDirectPath() throws Exception {
        JournalRecord record = JournalRecord.newBuilder().setCandidate(CandidateRecord.newBuilder().setGrade("B")
                .setQStar(0.61).setSide(Side.BUY).setAgreement(1).setModel(Double.NaN).setRegime("TRENDING")
                .setExecution(Double.NaN).setLead("alpha-momentum@1.2.0")
                .addVotes(VoteRecord.newBuilder().setAlpha("alpha-momentum@1.2.0").setSide(Side.BUY).setStrength(0.4)
                        .setWeight(1).setReason("mom +2.31 sigma over 20 ticks"))
                .addVotes(VoteRecord.newBuilder().setAlpha("alpha-volume@1.0.0").setSide(Side.BUY).setStrength(0.2)
                        .setWeight(0.5))).build();
        assertThat(PlainMessageJson.json(record)).as("plain fields only: no JsonFormat needed")
                .isEqualTo(JSON_FORMAT.print(record));
        assertThat(PlainMessageJson.json(record.toBuilder().setCandidate(record.getCandidate().toBuilder()
                .setLead("a<b")).build())).as("a string JsonFormat escapes is left to it").isNull();
    }

    /** Sets each field of {@code b} at random: some left unset, strings, numbers and enums of every kind, nested messages. */
    private static void fill(Message.Builder b, Random random, int depth) {
        for (FieldDescriptor f : b.getDescriptorForType().getFields()) {
            if (random.nextInt(4) == 0 || (f.getContainingOneof() != null && random.nextBoolean())) {
                continue;
            }
            int count = f.isRepeated() ? random.nextInt(4) : 1;
            for (int i = 0; i < count; i++) {
                Object v = value(b, f, random, depth);
                if (v == null) {
                    continue;
                }
                if (f.isRepeated()) {
                    b.addRepeatedField(f, v);
                } else {
                    b.setField(f, v);
                }
            }
        }
    }

    private static Object value(Message.Builder b, FieldDescriptor f, Random random, int depth) {
        return switch (f.getJavaType()) {
            case DOUBLE -> random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextGaussian() * 1e4;
            case FLOAT -> (float) random.nextGaussian();
            case INT -> random.nextInt(3) == 0 ? 0 : random.nextInt(3) == 0 ? -random.nextInt(1000) : random.nextInt();
            case LONG -> random.nextInt(3) == 0 ? 0L : random.nextLong();
            case BOOLEAN -> random.nextBoolean();
            case STRING -> random.nextInt(20) == 0 ? ESCAPED_TEXTS[random.nextInt(ESCAPED_TEXTS.length)]
                    : PLAIN_TEXTS[random.nextInt(PLAIN_TEXTS.length)];
            case BYTE_STRING -> com.google.protobuf.ByteString.copyFromUtf8(PLAIN_TEXTS[random.nextInt(PLAIN_TEXTS.length)]);
            case ENUM -> {
                List<EnumValueDescriptor> values = f.getEnumType().getValues();
                yield values.get(random.nextInt(values.size()));
            }
            case MESSAGE -> {
                if (depth > 3) {
                    yield null;
                }
                Message.Builder nested = b.newBuilderForField(f); // a map's entry too: its key and value
                fill(nested, random, depth + 1);
                yield nested.build();
            }
        };
    }
}
