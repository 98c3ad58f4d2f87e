package com.vproptrader.host.govern;

import com.vproptrader.host.govern.calendar.Impact;
import com.vproptrader.host.govern.calendar.MarketBreak;
import com.vproptrader.host.govern.calendar.NewsEvent;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.time.ServerClock;
import com.vproptrader.host.time.ServerTimes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One shared vector file (format: mt5-ea/test/vectors/README.md) read into governor inputs. */
record GovernorVector(String name, String description, GovernorInput input, OrderIntent order,
                      String expectedVerdict, ReasonCode expectedReason, BigDecimal expectedSizeFactor) {

    static final Path VECTORS = Path.of("../mt5-ea/test/vectors/governors");
    static final Path PACKS = Path.of("src/main/resources/rulepacks");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static GovernorVector read(Path file) throws IOException {
        JsonNode v = JSON.readTree(Files.readString(file));
        if (v.path("format").asInt() != 1) {
            throw new IllegalArgumentException(file + ": format must be 1");
        }
        RulePack pack = RulePackLoader.file(PACKS.resolve(text(v, "pack") + ".json"));
        ServerClock server = pack.serverTimeZone();
        Instant now = ServerTimes.parse(text(v, "now"), server);
        JsonNode a = v.get("account");
        Money peak = a.has("peak") ? money(a, "peak") : pack.initialBalance();
        JsonNode d = v.get("day");
        DayAnchor day = new DayAnchor(ServerTimes.parse(text(d, "start"), server), money(d, "startBalance"),
                money(d, "startEquity"));
        List<OpenPosition> positions = new ArrayList<>();
        for (JsonNode p : v.path("positions")) {
            positions.add(new OpenPosition(p.get("ticket").asLong(), text(p, "symbol"), Side.valueOf(text(p, "side")),
                    dbl(p, "volume"), dbl(p, "openPrice"), dbl(p, "sl"), dbl(p, "tp"), dbl(p, "currentPrice"),
                    dbl(p, "tickSize"), dbl(p, "tickValue")));
        }
        List<NewsEvent> news = new ArrayList<>();
        for (JsonNode n : v.path("news")) {
            String symbols = n.path("symbols").asText("");
            news.add(new NewsEvent(ServerTimes.parse(text(n, "time"), server), text(n, "currency"),
                    Impact.valueOf(text(n, "impact")),
                    symbols.isBlank() ? List.of() : Arrays.asList(symbols.split(","))));
        }
        List<MarketBreak> breaks = new ArrayList<>();
        for (JsonNode b : v.path("marketBreaks")) {
            breaks.add(new MarketBreak(text(b, "symbol"), ServerTimes.parse(text(b, "start"), server),
                    ServerTimes.parse(text(b, "end"), server)));
        }
        List<SentOrder> recent = new ArrayList<>();
        for (JsonNode r : v.path("recentOrders")) {
            recent.add(new SentOrder(text(r, "key"), ServerTimes.parse(text(r, "time"), server)));
        }
        JsonNode s = v.path("stats");
        TradeStats stats = new TradeStats(s.path("consecutiveLosses").asInt(0),
                s.has("closedProfitToday") ? money(s, "closedProfitToday") : Money.ZERO, s.path("openedToday").asBoolean(false));
        EngineState state = EngineState.valueOf(v.path("engineState").asText("ACTIVE"));
        GovernorInput input = new GovernorInput(pack, now, state,
                new AccountView(money(a, "balance"), money(a, "equity"), positions), day, peak, news, breaks, recent,
                stats);
        JsonNode o = v.get("order");
        OrderIntent order = new OrderIntent(OrderKind.valueOf(text(o, "kind")), text(o, "key"),
                o.path("symbol").asText(""), Side.valueOf(o.path("side").asText("SIDE_UNSPECIFIED")),
                o.path("volume").asDouble(0), o.path("price").asDouble(0), o.path("sl").asDouble(0),
                o.path("tp").asDouble(0), o.path("tickSize").asDouble(0), o.path("tickValue").asDouble(0),
                o.path("ticket").asLong(0));
        JsonNode e = v.get("expect");
        return new GovernorVector(text(v, "name"), v.path("description").asText(""), input, order,
                text(e, "verdict"), ReasonCode.valueOf(text(e, "reason")),
                e.has("sizeFactor") ? e.get("sizeFactor").decimalValue() : null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field '" + field + "' in " + n);
        }
        return v.asText();
    }

    private static double dbl(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("missing number field '" + field + "' in " + n);
        }
        return v.doubleValue();
    }

    private static Money money(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("missing money field '" + field + "' in " + n);
        }
        return Money.of(v.decimalValue(), RoundingMode.FLOOR);
    }
}
