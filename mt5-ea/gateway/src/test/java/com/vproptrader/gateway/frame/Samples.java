package com.vproptrader.gateway.frame;

import com.vproptrader.proto.Account;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Close;
import com.vproptrader.proto.Config;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Flatten;
import com.vproptrader.proto.Halt;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.SymbolTradeMode;
import com.vproptrader.proto.TradeSession;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Modify;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Resume;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.util.List;

/** One realistic message per frame type, shared by codec and gateway tests. */
public final class Samples {
    private Samples() {
    }

    public static final long T0 = 1_704_153_600_123L; // 2024-01-02 00:00:00.123 broker time

    public static Tick tick(double bid, double ask) {
        return Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(T0).setBid(bid).setAsk(ask).setFlags(6).build();
    }

    public static Account account(String id) {
        return Account.newBuilder().setAccountId(id).setCurrency("USD").setBalance(100_000).setEquity(100_012.5)
                .setMargin(1_095.2).setFreeMargin(98_917.3).setServerTimeMsc(T0)
                .setMarginMode(MarginMode.HEDGING).setLeverage(100).build();
    }

    public static SymbolSpec eurusd() {
        return SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).setContractSize(100_000)
                .setTickSize(0.00001).setTickValue(1.0).setVolumeMin(0.01).setVolumeStep(0.01)
                .setVolumeMax(100).setStopsLevelPoints(0).setTradeMode(SymbolTradeMode.TRADE_MODE_FULL)
                .addTradeSessions(session(1, 300, 86_400)).addTradeSessions(session(2, 0, 86_400))
                .addTradeSessions(session(3, 0, 86_400)).addTradeSessions(session(4, 0, 86_400))
                .addTradeSessions(session(5, 0, 86_100)).build();
    }

    private static TradeSession session(int dayOfWeek, int fromSec, int toSec) {
        return TradeSession.newBuilder().setDayOfWeek(dayOfWeek).setFromSec(fromSec).setToSec(toSec).build();
    }

    public static Position position() {
        return Position.newBuilder().setTicket(5_000_001).setSymbol("EURUSD").setSide(Side.BUY).setVolume(0.1)
                .setOpenPrice(1.09512).setSl(1.09312).setTp(1.09912).setOpenTimeMsc(T0).setProfit(12.5)
                .setMagic(20_240_101).setSignalKey("acc1-42").build();
    }

    public static Hello hello(String accountId) {
        return Hello.newBuilder().setAccountId(accountId).setToken("s3cret").setServerTimeMsc(T0)
                .setAccount(account(accountId)).addSymbols(eurusd()).addPositions(position())
                .setTerminal("terminal-sim").setServerUtcOffsetSec(7_200).build();
    }

    public static List<TerminalEvent> allEvents() {
        return List.of(
                TerminalEvent.newBuilder().setSeq(1).setHello(hello("1001")).build(),
                TerminalEvent.newBuilder().setSeq(2).setTick(tick(1.0851, 1.0852)).build(),
                TerminalEvent.newBuilder().setSeq(3).setBar(Bar.newBuilder().setSymbol("EURUSD")
                        .setTimeframe(Timeframe.M1).setOpenTimeMsc(1_704_153_600_000L).setOpen(1.0851)
                        .setHigh(1.0856).setLow(1.0849).setClose(1.0853).setTickVolume(87).setSpreadPoints(9)).build(),
                TerminalEvent.newBuilder().setSeq(4).setAccount(account("1001")).build(),
                TerminalEvent.newBuilder().setSeq(5).setFill(Fill.newBuilder().setDeal(7_000_001).setOrder(5_000_001)
                        .setPositionId(5_000_001).setSymbol("EURUSD").setSide(Side.SELL).setEntry(DealEntry.ENTRY_OUT)
                        .setVolume(0.1).setPrice(1.09912).setProfit(40.0).setCommission(-0.35).setTimeMsc(T0)
                        .setSignalKey("acc1-42").setReason("tp")).build(),
                TerminalEvent.newBuilder().setSeq(6).setReject(Reject.newBuilder().setSignalKey("acc1-43")
                        .setRetcode(10019).setMessage("no money")).build(),
                TerminalEvent.newBuilder().setSeq(7).setHeartbeat(Heartbeat.newBuilder().setTimeMsc(T0)).build(),
                TerminalEvent.newBuilder().setSeq(8).setPosition(position()).build());
    }

    public static List<HostCommand> allCommands() {
        return List.of(
                HostCommand.newBuilder().setSeq(11).setSignal(Signal.newBuilder().setSignalKey("acc1-42")
                        .setSymbol("EURUSD").setSide(Side.BUY).setVolume(0.1).setSl(1.09312).setTp1(1.09712)
                        .setTp2(1.09912).setExpiryMsc(T0 + 5_000).setReferencePrice(1.09512)
                        .setAlpha("momentum@1.0.0").setDecidedOnTickMsc(T0)).build(),
                HostCommand.newBuilder().setSeq(12).setModify(Modify.newBuilder().setTicket(5_000_001)
                        .setSl(1.09512).setTp(1.09912)).build(),
                HostCommand.newBuilder().setSeq(13).setClose(Close.newBuilder().setTicket(5_000_001).setVolume(0.05)
                        .setReason("tp1")).build(),
                HostCommand.newBuilder().setSeq(14).setFlatten(Flatten.newBuilder().setReason("daily loss")).build(),
                HostCommand.newBuilder().setSeq(15).setHalt(Halt.newBuilder().setReason("daily loss")).build(),
                HostCommand.newBuilder().setSeq(16).setResume(Resume.newBuilder().setReason("new day")).build(),
                HostCommand.newBuilder().setSeq(17).setConfig(Config.newBuilder()
                        .setRulePackJson("{\"firm\":\"ftmo\",\"dailyLossPct\":5}")).build(),
                HostCommand.newBuilder().setSeq(18).setHeartbeat(Heartbeat.newBuilder().setTimeMsc(T0)).build());
    }
}
