package com.vproptrader.host.journal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.VetoRecord;
import com.vproptrader.proto.VetoSource;
import com.vproptrader.proto.WeightsRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedRecordsTest {
    @TempDir
    Path dir;

    /** Every kind but UNSPECIFIED, each with a record whose body is that kind's field, filled with something. */
    private static List<JournalRecord> oneRecordOfEveryKind() {
        List<JournalRecord> records = new ArrayList<>();
        for (JournalKind kind : JournalKind.values()) {
            if (kind == JournalKind.KIND_UNSPECIFIED || kind == JournalKind.UNRECOGNIZED) {
                continue;
            }
            FieldDescriptor field = JournalRecord.getDescriptor().findFieldByNumber(kind.getNumber());
            assertThat(field).as("the body field of " + kind).isNotNull();
            assertThat(field.getContainingOneof()).as(kind + " is a case of the body").isNotNull();
            Message.Builder body = JournalRecord.newBuilder().newBuilderForField(field);
            FieldDescriptor first = body.getDescriptorForType().getFields().get(0);
            if (first.getJavaType() == FieldDescriptor.JavaType.STRING && !first.isRepeated()) {
                body.setField(first, "text of " + kind + " — ünïcode");
            }
            records.add(JournalRecord.newBuilder().setLoopNanos(kind.getNumber() * 1_000L).setField(field, body.build()).build());
        }
        return records;
    }

    @Test
    void everyRecordKind_roundTripsThroughTheJournalFile_andTheChainStaysIntact() throws Exception {
        List<JournalRecord> written = new ArrayList<>(oneRecordOfEveryKind());
        written.add(JournalRecord.newBuilder().setTick(Tick.newBuilder().setSymbol("EURUSD").setBid(1.1).setAsk(Double.NaN)).build());
        written.add(JournalRecord.newBuilder().setVeto(VetoRecord.newBuilder().setSource(VetoSource.VETO_GOVERNOR)
                .setCode("DAILY_LOSS").setDetail("governor: DAILY_LOSS 4.9% of 5%")).build());
        written.add(JournalRecord.newBuilder().setWeights(WeightsRecord.newBuilder().putWeights("b", 0.25)
                .putWeights("a", 0.75)).build());
        Path file = dir.resolve("journal.db");
        try (Journal journal = Journal.open(file)) {
            for (int i = 0; i < written.size(); i++) {
                journal.append(1_000L * i, "EURUSD", written.get(i));
            }
            journal.flush();
            List<JournalEntry> rows = journal.readAll();
            assertThat(rows).hasSize(written.size());
            for (int i = 0; i < rows.size(); i++) {
                JournalEntry row = rows.get(i);
                assertThat(row.record()).as("row " + row.seq()).isEqualTo(written.get(i));
                assertThat(row.kind()).isEqualTo(JournalKinds.name(JournalKinds.kindOf(written.get(i))));
            }
            assertThat(journal.read(JournalKind.KIND_WEIGHTS).get(1).payload())
                    .as("map keys are printed sorted, so a record has one text").contains("{\"a\":0.75,\"b\":0.25}");
        }
        assertThat(JournalVerifier.verify(file).intact()).isTrue();
    }

    @Test
    void theKindColumn_isTheEnumNameWithoutItsPrefix() {
        assertThat(JournalKinds.name(JournalKind.KIND_BAD_TICK)).isEqualTo("bad_tick");
        assertThat(JournalKinds.parseKind("day_reset")).isEqualTo(JournalKind.KIND_DAY_RESET);
        assertThat(JournalKinds.kindOf(JournalRecord.newBuilder().setSignal(
                com.vproptrader.proto.Signal.newBuilder().setSide(Side.BUY)).build())).isEqualTo(JournalKind.KIND_SIGNAL);
    }

    @Test
    void anUnknownKind_isAClearErrorNamingTheRowAndTheKnownKinds() throws Exception {
        Path file = dir.resolve("journal.db");
        try (Journal journal = Journal.open(file)) {
            journal.append(1, "", JournalRecord.newBuilder().setTick(Tick.getDefaultInstance()).build());
            journal.flush();
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("UPDATE journal SET kind = 'teleport' WHERE seq = 1");
        }
        try (Journal journal = Journal.open(file)) {
            JournalEntry row = journal.readAll().get(0);
            assertThatThrownBy(row::record).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("journal row 1").hasMessageContaining("unknown journal kind 'teleport'")
                    .hasMessageContaining("tick, bad_tick");
        }
    }

    @Test
    void aPayloadOfAnotherKind_orNoRecordAtAll_isAnError() {
        JournalEntry mislabelled = new JournalEntry(7, 0, "fill", "", "{\"tick\":{}}", "");
        assertThatThrownBy(mislabelled::record).hasMessageContaining("journal row 7: kind 'fill' but its payload carries TICK");
        JournalEntry notARecord = new JournalEntry(8, 0, "tick", "", "{\"bid\":1.1}", "");
        assertThatThrownBy(notARecord::record).hasMessageContaining("journal row 8 (tick): payload is not a journal record");
        assertThatThrownBy(() -> JournalKinds.kindOf(JournalRecord.getDefaultInstance()))
                .hasMessageContaining("needs a body");
        assertThatThrownBy(() -> JournalKinds.name(JournalKind.KIND_UNSPECIFIED)).hasMessageContaining("needs a kind");
    }

    @Test
    void everyBodyField_hasItsKind() {
        List<Integer> kinds = Arrays.stream(JournalKind.values()).filter(k -> k != JournalKind.UNRECOGNIZED)
                .map(JournalKind::getNumber).toList();
        JournalRecord.getDescriptor().getOneofs().get(0).getFields()
                .forEach(f -> assertThat(kinds).as("a kind numbered like body field " + f.getName()).contains(f.getNumber()));
    }
}
