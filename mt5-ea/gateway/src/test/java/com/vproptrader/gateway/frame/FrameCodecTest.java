package com.vproptrader.gateway.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.SymbolTradeMode;
import com.vproptrader.proto.TradeSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEaFrameType_roundTripsThroughOneLine() throws Exception {
        for (TerminalEvent e : Samples.allEvents()) {
            String line = codec.encodeEvent(e);
            assertThat(line).doesNotContain("\n");
            assertThat(codec.decodeEvent(line)).isEqualTo(e);
        }
    }

    @Test
    void everyGatewayFrameType_roundTripsThroughOneLine() throws Exception {
        for (HostCommand c : Samples.allCommands()) {
            String line = codec.encodeCommand(c);
            assertThat(line).doesNotContain("\n");
            assertThat(codec.decodeCommand(line)).isEqualTo(c);
            assertThat(codec.decodeToEa(line)).isEqualTo(new CommandFrame(c));
        }
    }

    @Test
    void errorFrame_roundTrips() throws Exception {
        ErrorFrame e = new ErrorFrame(0, ErrorCode.BAD_VALUE, "tick: ask below bid", 7);
        String line = codec.encodeError(e);
        assertThat(json.readTree(line).get("refSeq").asLong()).isEqualTo(7);
        assertThat(codec.decodeToEa(line)).isEqualTo(e);
    }

    @Test
    void frameIsFlat_withEnvelopeFirst_andInt64AsPlainNumbers() throws Exception {
        String line = codec.encodeEvent(Samples.allEvents().get(1));
        assertThat(line).startsWith("{\"v\":1,\"type\":\"tick\",\"seq\":2,\"symbol\":\"EURUSD\",\"timeMsc\":1704153600123,");
        JsonNode hello = json.readTree(codec.encodeEvent(Samples.allEvents().get(0)));
        assertThat(hello.get("serverTimeMsc").isIntegralNumber()).isTrue();
        assertThat(hello.get("positions").get(0).get("ticket").isIntegralNumber()).isTrue();
        assertThat(hello.get("account").get("serverTimeMsc").isIntegralNumber()).isTrue();
    }

    @Test
    void briefExample_withInt64AsString_decodes() throws Exception {
        TerminalEvent e = codec.decodeEvent(
                "{\"v\":1,\"type\":\"tick\",\"seq\":7,\"symbol\":\"EURUSD\",\"timeMsc\":\"1700000000000\",\"bid\":1.0851,\"ask\":1.0852}");
        assertThat(e.getSeq()).isEqualTo(7);
        assertThat(e.getTick().getTimeMsc()).isEqualTo(1_700_000_000_000L);
        assertThat(e.getTick().getAsk()).isEqualTo(1.0852);
    }

    @Test
    void snakeCaseNames_enumNumbers_andUnknownFields_areTolerated() throws Exception {
        TerminalEvent e = codec.decodeEvent("{\"v\":1,\"type\":\"fill\",\"seq\":3,\"deal\":1,\"position_id\":9,"
                + "\"symbol\":\"EURUSD\",\"side\":2,\"entry\":\"ENTRY_IN\",\"volume\":0.1,\"price\":1.1,\"futureField\":true}");
        assertThat(e.getFill().getPositionId()).isEqualTo(9);
        assertThat(e.getFill().getSide().name()).isEqualTo("SELL");
    }

    @Test
    void nanPrice_isBadValue_withRefSeq() {
        assertCode(() -> codec.decodeEvent(tick(9, "NaN", "1.0852")), ErrorCode.BAD_VALUE, 9);
        assertCode(() -> codec.decodeEvent(tick(9, "\"NaN\"", "1.0852")), ErrorCode.BAD_VALUE, 9);
        assertCode(() -> codec.decodeEvent(tick(9, "1.0851", "Infinity")), ErrorCode.BAD_VALUE, 9);
    }

    @Test
    void zeroPrice_askBelowBid_andNegativeVolume_areBadValue() {
        assertCode(() -> codec.decodeEvent(tick(4, "0", "1.0852")), ErrorCode.BAD_VALUE, 4);
        assertCode(() -> codec.decodeEvent(tick(5, "-1.0851", "1.0852")), ErrorCode.BAD_VALUE, 5);
        assertCode(() -> codec.decodeEvent(tick(6, "1.0853", "1.0852")), ErrorCode.BAD_VALUE, 6);
        assertCode(() -> codec.decodeEvent("{\"v\":1,\"type\":\"fill\",\"seq\":8,\"symbol\":\"EURUSD\",\"side\":\"BUY\","
                + "\"volume\":-0.1,\"price\":1.1}"), ErrorCode.BAD_VALUE, 8);
        assertCode(() -> codec.decodeEvent("{\"v\":1,\"type\":\"tick\",\"seq\":10,\"symbol\":\"EURUSD\","
                + "\"timeMsc\":1,\"bid\":\"cheap\",\"ask\":1.1}"), ErrorCode.BAD_VALUE, 10);
    }

    @Test
    void nanInsideHelloSnapshot_isBadValue() {
        String line = codec.encodeEvent(Samples.allEvents().get(0)).replace("\"equity\":100012.5", "\"equity\":NaN");
        assertCode(() -> codec.decodeEvent(line), ErrorCode.BAD_VALUE, 1);
    }

    @Test
    void aHelloSessionOutsideTheDay_orANegativeFreezeLevel_isBadValue() throws Exception {
        Hello.Builder hello = Samples.hello("1001").toBuilder();
        hello.getSymbolsBuilder(0).setFreezeLevelPoints(5).setTradeMode(SymbolTradeMode.TRADE_MODE_LONG_ONLY)
                .addTradeSessions(TradeSession.newBuilder().setDayOfWeek(1).setFromSec(3_900).setToSec(86_400));
        String good = codec.encodeEvent(TerminalEvent.newBuilder().setSeq(1).setHello(hello).build());
        assertThat(codec.decodeEvent(good)).isNotNull();

        assertCode(() -> codec.decodeEvent(good.replace("\"toSec\":86400", "\"toSec\":90000")), ErrorCode.BAD_VALUE, 1);
        assertCode(() -> codec.decodeEvent(good.replace("\"freezeLevelPoints\":5", "\"freezeLevelPoints\":-5")),
                ErrorCode.BAD_VALUE, 1);
    }

    @Test
    void aHellosRecentDeals_crossAsFills_andADealWithoutATicketIsBadValue() throws Exception {
        Fill deal = Fill.newBuilder().setDeal(7_000_001).setOrder(5_000_001).setPositionId(5_000_001)
                .setSymbol("EURUSD").setSide(Side.BUY).setEntry(DealEntry.ENTRY_IN).setVolume(0.1).setPrice(1.09512)
                .setCommission(-0.35).setTimeMsc(1_704_153_600_123L).setSignalKey("acc1-42").setReason("signal").build();
        TerminalEvent event = TerminalEvent.newBuilder().setSeq(1)
                .setHello(Samples.hello("1001").toBuilder().addRecentDeals(deal)).build();
        String line = codec.encodeEvent(event);
        assertThat(line).contains("\"recentDeals\":[{\"deal\":7000001,");
        assertThat(codec.decodeEvent(line)).isEqualTo(event);

        assertCode(() -> codec.decodeEvent(line.replace("\"deal\":7000001", "\"deal\":0")), ErrorCode.BAD_VALUE, 1);
    }

    @Test
    void commandTypeSentByEa_isUnknownType() {
        assertCode(() -> codec.decodeEvent("{\"v\":1,\"type\":\"signal\",\"seq\":3}"), ErrorCode.UNKNOWN_TYPE, 3);
        assertCode(() -> codec.decodeEvent("{\"v\":1,\"type\":\"teleport\",\"seq\":4}"), ErrorCode.UNKNOWN_TYPE, 4);
        assertCode(() -> codec.decodeCommand("{\"v\":1,\"type\":\"tick\",\"seq\":5}"), ErrorCode.UNKNOWN_TYPE, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"v\":1,\"type\":\"tick\"", "[1,2]", "{\"v\":1,\"type\":\"tick\",\"seq\":1} {}",
            "{\"v\":1,\"type\":\"tick\"}", "{\"v\":1,\"type\":\"tick\",\"seq\":1.5}", "{\"v\":1,\"type\":7,\"seq\":1}"})
    void garbage_isMalformed(String line) {
        assertThatThrownBy(() -> codec.decodeEvent(line))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isIn(ErrorCode.MALFORMED));
    }

    @Test
    void wrongOrMissingVersion_isBadVersion() {
        assertCode(() -> codec.decodeEvent("{\"v\":2,\"type\":\"heartbeat\",\"seq\":3}"), ErrorCode.BAD_VERSION, 3);
        assertCode(() -> codec.decodeEvent("{\"type\":\"heartbeat\",\"seq\":4}"), ErrorCode.BAD_VERSION, 4);
    }

    @Test
    void signalWithoutKey_isBadValue_onTheEaSide() {
        assertCode(() -> codec.decodeCommand("{\"v\":1,\"type\":\"signal\",\"seq\":2,\"symbol\":\"EURUSD\","
                + "\"side\":\"BUY\",\"volume\":0.1}"), ErrorCode.BAD_VALUE, 2);
    }

    private static String tick(long seq, String bid, String ask) {
        return "{\"v\":1,\"type\":\"tick\",\"seq\":" + seq + ",\"symbol\":\"EURUSD\",\"timeMsc\":1704153600123,"
                + "\"bid\":" + bid + ",\"ask\":" + ask + "}";
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code, long refSeq) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FrameException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.refSeq()).isEqualTo(refSeq);
        });
    }
}
