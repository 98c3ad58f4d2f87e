package com.vproptrader.host.govern.pack;

import com.vproptrader.host.govern.calendar.Impact;
import com.vproptrader.host.time.DayReset;
import com.vproptrader.host.time.ServerClock;
import com.vproptrader.host.time.TradingSession;
import com.vproptrader.host.time.WallClock;
import com.vproptrader.host.time.ZoneWallClock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vproptrader.host.risk.Money;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a rule pack and refuses it, with a message naming the field, when anything is missing,
 * misspelt, of the wrong type, out of range or inconsistent. The engine must not start on a pack
 * it does not fully understand.
 */
public final class RulePackLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ONE = BigDecimal.ONE;
    /**
     * Every top-level field a pack has; all are required except newsCalendarFailSafe (EMBARGO when absent) and
     * dayQualifyingRiskPct (0, off, when absent).
     */
    private static final Set<String> FIELDS = Set.of("name", "firm", "program", "phase", "notes", "currency",
            "initialBalance", "serverTimeZone", "dayResetZone", "dayResetTime", "dailyLossPct", "dailyLossBasis",
            "dailyLossLimitOf",
            "dailyLossBufferPct", "maxLossPct", "maxLossMode", "maxLossTrailBasis", "maxLossBufferPct",
            "profitTargetPct", "stopOpeningAtTarget", "minTradingDays", "tradingDayRule", "profitableDayMinPct",
            "bestDayMaxSharePct", "dayQualifyingRiskPct", "newsEmbargo", "newsWindowBeforeSec", "newsWindowAfterSec", "newsSlTpCount",
            "newsPreCloseSec", "newsMinImpact", "newsProfitKeepPct", "newsCalendarFailSafe", "weekendFlat", "weekendStopOpeningMinutes",
            "weekendFlattenMinutes", "marketBreakFlatMinHours", "inactivityDays", "sessions",
            "gapAllowanceSlFraction", "maxRiskPerTradePct", "maxOpenRiskPct", "maxExposureLeverage",
            "maxOpenPositions", "maxLotsPerSymbol", "maxOrdersPerMinute", "lossStreakLength",
            "lossStreakSizeFactor", "nearFloorHeadroomPct", "nearFloorSizeFactor", "reducingHeadroomPct",
            "flattenHeadroomPct");

    private RulePackLoader() {
    }

    /** The JSON of a bundled pack (by name) or of a pack file (a path ending in {@code .json}). */
    public static String text(String nameOrFile) {
        if (nameOrFile.endsWith(".json")) {
            try {
                return Files.readString(Path.of(nameOrFile));
            } catch (IOException e) {
                throw new RulePackException("rule pack " + nameOrFile + ": cannot read", e);
            }
        }
        String resource = "/rulepacks/" + nameOrFile + ".json";
        try (InputStream in = RulePackLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RulePackException("rule pack '" + nameOrFile + "' not found: not bundled (ftmo-2step, ftmo-1step, "
                        + "the5ers-high-stakes, fundednext-stellar-2step) and is not a .json file");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulePackException("rule pack '" + nameOrFile + "': cannot read " + resource, e);
        }
    }

    /** The name a pack must call itself: the bundled name, or the file name without {@code .json}. */
    public static String nameOf(String nameOrFile) {
        String file = Path.of(nameOrFile).getFileName().toString();
        return file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }

    /** A bundled pack by name, or a pack file by path (what the host's --rule-pack option takes). */
    public static RulePack load(String nameOrPath) {
        return parse(nameOf(nameOrPath), text(nameOrPath));
    }

    /** A pack shipped in the host jar: {@code /rulepacks/<name>.json}. */
    public static RulePack bundled(String name) {
        return parse(name, text(name));
    }

    /** A pack file; its {@code name} field must equal the file name without {@code .json}. */
    public static RulePack file(Path path) {
        try {
            return parse(nameOf(path.toString()), Files.readString(path));
        } catch (IOException e) {
            throw new RulePackException("rule pack " + path + ": cannot read", e);
        }
    }

    /** Parses and validates; {@code expectedName} is what the pack must call itself. */
    public static RulePack parse(String expectedName, String json) {
        String where = "rule pack '" + expectedName + "'";
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RulePackException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        PackFields f = new PackFields(where, root);
        // Unknown names first: a misspelt field is better reported as such than as "missing".
        f.refuseUnknown(FIELDS);
        String name = f.text("name");
        if (!name.equals(expectedName)) {
            throw f.error("name", "must be '" + expectedName + "' (the file name), got '" + name + "'");
        }
        f.text("notes");
        RulePack pack = read(f, name);
        f.refuseUnknown();
        checkConsistency(f, pack);
        return pack;
    }

    private static RulePack read(PackFields f, String name) {
        BigDecimal initial = f.decimal("initialBalance", new BigDecimal("0.01"), new BigDecimal("1000000000"));
        ServerClock server = serverClock(f);
        DayReset reset = new DayReset(zone(f, "dayResetZone", server), f.time("dayResetTime"));
        DailyLossRule daily = new DailyLossRule(pct(f, "dailyLossPct"),
                f.enumValue("dailyLossBasis", DailyLossBasis.class),
                f.enumValue("dailyLossLimitOf", DailyLossRule.LimitReference.class), pct(f, "dailyLossBufferPct"));
        MaxLossRule max = new MaxLossRule(pct(f, "maxLossPct"), f.enumValue("maxLossMode", MaxLossMode.class),
                f.enumValue("maxLossTrailBasis", TrailBasis.class), pct(f, "maxLossBufferPct"));
        TargetRule target = new TargetRule(pct(f, "profitTargetPct"), f.bool("stopOpeningAtTarget"),
                f.integer("minTradingDays", 0, 365), f.enumValue("tradingDayRule", TradingDayRule.class),
                pct(f, "profitableDayMinPct"), pct(f, "bestDayMaxSharePct"),
                f.has("dayQualifyingRiskPct") ? pct(f, "dayQualifyingRiskPct") : ZERO);
        NewsRule news = new NewsRule(f.bool("newsEmbargo"), f.integer("newsWindowBeforeSec", 0, 86_400),
                f.integer("newsWindowAfterSec", 0, 86_400), f.bool("newsSlTpCount"),
                f.integer("newsPreCloseSec", 0, 86_400), f.enumValue("newsMinImpact", Impact.class),
                pct(f, "newsProfitKeepPct"), f.has("newsCalendarFailSafe")
                        ? f.enumValue("newsCalendarFailSafe", CalendarFailSafe.class) : CalendarFailSafe.EMBARGO);
        WeekendRule weekend = new WeekendRule(f.bool("weekendFlat"), f.integer("weekendStopOpeningMinutes", 0, 2880),
                f.integer("weekendFlattenMinutes", 0, 2880),
                f.decimal("marketBreakFlatMinHours", ZERO, BigDecimal.valueOf(168)));
        int inactivityDays = f.integer("inactivityDays", 0, 3650);
        List<TradingSession> sessions = sessions(f, server);
        ExposureLimits limits = new ExposureLimits(
                f.decimal("gapAllowanceSlFraction", ZERO, BigDecimal.TEN), pct(f, "maxRiskPerTradePct"),
                pct(f, "maxOpenRiskPct"), f.decimal("maxExposureLeverage", ZERO, BigDecimal.valueOf(1000)),
                f.integer("maxOpenPositions", 1, 1000), f.decimal("maxLotsPerSymbol", ZERO, BigDecimal.valueOf(100_000)),
                f.integer("maxOrdersPerMinute", 1, 10_000));
        SoftLimits soft = new SoftLimits(f.integer("lossStreakLength", 1, 1000),
                f.decimal("lossStreakSizeFactor", ZERO, ONE), pct(f, "nearFloorHeadroomPct"),
                f.decimal("nearFloorSizeFactor", ZERO, ONE), pct(f, "reducingHeadroomPct"),
                pct(f, "flattenHeadroomPct"));
        return new RulePack(name, f.text("firm"), f.text("program"), f.text("phase"), currency(f),
                Money.of(initial, RoundingMode.UNNECESSARY), server, reset, daily, max, target, news, weekend,
                inactivityDays, sessions, limits, soft);
    }

    private static BigDecimal pct(PackFields f, String field) {
        return f.decimal(field, ZERO, HUNDRED);
    }

    private static String currency(PackFields f) {
        String c = f.text("currency");
        if (!c.matches("[A-Z]{3}")) {
            throw f.error("currency", "must be an ISO code like USD, got '" + c + "'");
        }
        return c;
    }

    private static ServerClock serverClock(PackFields f) {
        try {
            return ServerClock.named(f.text("serverTimeZone"));
        } catch (IllegalArgumentException e) {
            throw f.error("serverTimeZone", e.getMessage());
        }
    }

    private static WallClock zone(PackFields f, String field, ServerClock server) {
        try {
            return ZoneWallClock.named(f.text(field), server);
        } catch (IllegalArgumentException e) {
            throw f.error(field, e.getMessage());
        }
    }

    private static List<TradingSession> sessions(PackFields f, ServerClock server) {
        JsonNode array = f.array("sessions");
        if (array.isEmpty()) {
            throw f.error("sessions", "must list at least one session");
        }
        List<TradingSession> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            PackFields s = f.child("sessions[" + i + "]", array.get(i));
            String name = s.text("name");
            if (!names.add(name)) {
                throw s.error("name", "repeats session '" + name + "'");
            }
            TradingSession session = new TradingSession(name, zone(s, "zone", server), s.time("open"), s.time("close"));
            if (!session.open().isBefore(session.close())) {
                throw s.error("close", "must be after open (sessions do not cross midnight; split them)");
            }
            s.refuseUnknown();
            out.add(session);
        }
        return out;
    }

    private static void checkConsistency(PackFields f, RulePack p) {
        if (p.dailyLoss().limitPct().signum() <= 0) {
            throw f.error("dailyLossPct", "must be > 0");
        }
        if (p.maxLoss().limitPct().signum() <= 0) {
            throw f.error("maxLossPct", "must be > 0");
        }
        if (p.dailyLoss().bufferPct().compareTo(p.dailyLoss().limitPct()) >= 0) {
            throw f.error("dailyLossBufferPct", "must be smaller than dailyLossPct");
        }
        if (p.maxLoss().bufferPct().compareTo(p.maxLoss().limitPct()) >= 0) {
            throw f.error("maxLossBufferPct", "must be smaller than maxLossPct");
        }
        if ((p.maxLoss().mode() == MaxLossMode.STATIC) != (p.maxLoss().trailBasis() == TrailBasis.NONE)) {
            throw f.error("maxLossTrailBasis", "must be NONE exactly when maxLossMode is STATIC");
        }
        if (p.target().tradingDayRule() == TradingDayRule.PROFITABLE_DAY
                && p.target().profitableDayMinPct().signum() <= 0) {
            throw f.error("profitableDayMinPct", "must be > 0 when tradingDayRule is PROFITABLE_DAY");
        }
        if (p.target().dayQualifyingRiskPct().signum() > 0 && (p.target().tradingDayRule() != TradingDayRule.TRADE_OPENED
                || p.target().dayQualifyingRiskPct().compareTo(p.limits().maxRiskPerTradePct()) > 0)) {
            throw f.error("dayQualifyingRiskPct", "needs tradingDayRule TRADE_OPENED and must not exceed maxRiskPerTradePct");
        }
        if (p.soft().flattenHeadroomPct().compareTo(p.soft().reducingHeadroomPct()) >= 0) {
            throw f.error("flattenHeadroomPct", "must be smaller than reducingHeadroomPct");
        }
        if (p.weekend().flattenMinutes() > p.weekend().stopOpeningMinutes()) {
            throw f.error("weekendFlattenMinutes", "must not exceed weekendStopOpeningMinutes");
        }
        if (p.limits().maxRiskPerTradePct().signum() <= 0 || p.limits().maxOpenRiskPct().signum() <= 0) {
            throw f.error("maxRiskPerTradePct", "and maxOpenRiskPct must be > 0");
        }
        if (p.limits().maxRiskPerTradePct().compareTo(p.limits().maxOpenRiskPct()) > 0) {
            throw f.error("maxRiskPerTradePct", "must not exceed maxOpenRiskPct");
        }
        // Positions carried over a day reset start the new day with their whole remaining risk; if that
        // (plus the gap allowance) fits inside the buffered daily allowance, no reset can make them breach.
        BigDecimal carried = p.limits().maxOpenRiskPct().multiply(ONE.add(p.limits().gapAllowanceSlFraction()));
        BigDecimal dailyRoom = p.dailyLoss().limitPct().subtract(p.dailyLoss().bufferPct());
        if (carried.compareTo(dailyRoom) > 0) {
            throw f.error("maxOpenRiskPct", "× (1 + gapAllowanceSlFraction) = " + carried.toPlainString()
                    + " must not exceed dailyLossPct − dailyLossBufferPct = " + dailyRoom.toPlainString());
        }
    }
}
