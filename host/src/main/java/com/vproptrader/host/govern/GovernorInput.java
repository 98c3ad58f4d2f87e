package com.vproptrader.host.govern;

import com.vproptrader.host.govern.calendar.MarketBreak;
import com.vproptrader.host.govern.calendar.NewsEvent;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.risk.Money;

import java.time.Instant;
import java.util.List;

/**
 * Everything a governor decision depends on, as one immutable snapshot: the decision is a pure
 * function of it (this is what the shared test vectors feed in). {@code peak} is the trailed
 * high-water mark for a trailing max loss (ignored when static). {@code calendarFault} is why the news
 * events cannot be trusted now ({@link MarketCalendar#fault}), "" when they can. {@code recentOrders} is the
 * owner's index of the orders sent (read for the check this input is made for). {@code floors} is
 * {@code Floors.of(pack, day, peak)} (null before the first day anchor): the short constructors compute it, and
 * {@link Governance} passes the one it keeps while the day anchor and the peak stay the same.
 */
public record GovernorInput(RulePack pack, Instant now, EngineState engineState, AccountView account,
                            DayAnchor day, Money peak, List<NewsEvent> news, List<MarketBreak> marketBreaks,
                            SentOrders recentOrders, TradeStats stats, String calendarFault, Floors floors) {

    public GovernorInput {
        news = List.copyOf(news);
        marketBreaks = List.copyOf(marketBreaks);
        java.util.Objects.requireNonNull(recentOrders, "recentOrders");
    }

    public GovernorInput(RulePack pack, Instant now, EngineState engineState, AccountView account, DayAnchor day,
                         Money peak, List<NewsEvent> news, List<MarketBreak> marketBreaks, SentOrders recentOrders,
                         TradeStats stats, String calendarFault) {
        this(pack, now, engineState, account, day, peak, news, marketBreaks, recentOrders, stats, calendarFault,
                day == null ? null : Floors.of(pack, day, peak));
    }

    /** A snapshot with a trusted calendar. */
    public GovernorInput(RulePack pack, Instant now, EngineState engineState, AccountView account, DayAnchor day,
                         Money peak, List<NewsEvent> news, List<MarketBreak> marketBreaks, List<SentOrder> recentOrders,
                         TradeStats stats) {
        this(pack, now, engineState, account, day, peak, news, marketBreaks, SentOrders.of(recentOrders), stats, "");
    }
}
