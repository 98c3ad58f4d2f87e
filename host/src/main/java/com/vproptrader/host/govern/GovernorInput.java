package com.vproptrader.host.govern;

import com.vproptrader.host.risk.Money;

import java.time.Instant;
import java.util.List;

/**
 * Everything a governor decision depends on, as one immutable snapshot: the decision is a pure
 * function of it (this is what the shared test vectors feed in). {@code peak} is the trailed
 * high-water mark for a trailing max loss (ignored when static). {@code calendarFault} is why the news
 * events cannot be trusted now ({@link MarketCalendar#fault}), "" when they can.
 */
public record GovernorInput(RulePack pack, Instant now, EngineState engineState, AccountView account,
                            DayAnchor day, Money peak, List<NewsEvent> news, List<MarketBreak> marketBreaks,
                            List<SentOrder> recentOrders, TradeStats stats, String calendarFault) {

    public GovernorInput {
        news = List.copyOf(news);
        marketBreaks = List.copyOf(marketBreaks);
        recentOrders = List.copyOf(recentOrders);
    }

    /** A snapshot with a trusted calendar. */
    public GovernorInput(RulePack pack, Instant now, EngineState engineState, AccountView account, DayAnchor day,
                         Money peak, List<NewsEvent> news, List<MarketBreak> marketBreaks, List<SentOrder> recentOrders,
                         TradeStats stats) {
        this(pack, now, engineState, account, day, peak, news, marketBreaks, recentOrders, stats, "");
    }
}
