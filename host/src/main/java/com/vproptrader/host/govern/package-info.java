/**
 * Prop-firm compliance: rule packs (data) and the governors that make breaching them impossible
 * through this system.
 *
 * <h2>Packages</h2>
 * This package holds the governors (the pure checks, {@link com.vproptrader.host.govern.Governance} that feeds
 * them, the engine state and its {@link com.vproptrader.host.govern.GovernorStore}). Beside it:
 * {@link com.vproptrader.host.govern.pack} the rule pack and its loader, {@link com.vproptrader.host.govern.calendar}
 * the news events and market breaks, {@link com.vproptrader.host.govern.order} the order checked and the account
 * it acts on. The trading day's reset, sessions and the forex weekend are wall-clock rules in
 * {@link com.vproptrader.host.time}.
 *
 * <h2>Rule packs</h2>
 * {@code rulepacks/<name>.json} (flat JSON, every field required, format in
 * {@code mt5-ea/test/vectors/README.md}); {@link com.vproptrader.host.govern.pack.RulePackLoader#bundled(String)} or
 * {@link com.vproptrader.host.govern.pack.RulePackLoader#file(java.nio.file.Path)} refuses a bad or incomplete pack with
 * a {@link com.vproptrader.host.govern.pack.RulePackException} naming the field. Shipped: ftmo-2step, ftmo-1step,
 * the5ers-high-stakes, fundednext-stellar-2step.
 *
 * <h2>How the account's event loop uses it</h2>
 * <pre>{@code
 * Governance gov = new Governance(RulePackLoader.bundled("ftmo-2step"),
 *         new SqliteGovernorStore(dbPath, accountId), calendar, clock.now());
 *
 * // every account update (tick, timer, fill), BEFORE strategies run:
 * MarketAction a = gov.onMarket(AccountView.of(account, positions), now);
 * //   NONE | CLOSE_POSITIONS(tickets) | REDUCE(tickets) | FLATTEN(tickets, + delete pendings) | HALT
 * //   execute closes/flatten directly (they bypass the order governors); gov.status() has the engine state
 *
 * // sizing a new position:
 * BigDecimal factor = gov.sizeFactor(view, now);              // soft governors, 1 = full size
 * Optional<Money> cap = gov.dayQualifyingRisk(view, now);     // set only for a day-qualifying trade
 * Optional<SizedOrder> s = sizer.size(side, spec, signal, market, book, view.equity(), factor, cap);
 *
 * // immediately before sending ANY order (open, close, modify); an allowed order is recorded as sent:
 * Verdict v = gov.check(OrderIntent.open(key, symbol, side, lots, price, sl, tp, tickSize, tickValue), view, now);
 * if (!v.allowed()) journal(v.reason(), v.detail());
 *
 * // fills:
 * gov.onPositionOpened(fillTime);                            // entry IN
 * gov.onPositionClosed(realisedProfitInclCosts, fillTime);   // entry OUT
 * // operator (AdminService): gov.halt(why, now), gov.resume(why, now); gov.status(), gov.day(), gov.floors()
 * }</pre>
 * Times are real instants ({@link java.time.Instant}); MT5 server timestamps convert with
 * {@link com.vproptrader.host.time.ServerClock#fromServerMillis(long)} of the pack's server zone.
 *
 * <h2>The pure core</h2>
 * {@link com.vproptrader.host.govern.Governors#check(OrderIntent, GovernorInput)} and
 * {@link com.vproptrader.host.govern.MarketWatch#assess(GovernorInput)} are pure functions of a
 * {@link com.vproptrader.host.govern.GovernorInput} snapshot; the shared test vectors
 * ({@code mt5-ea/test/vectors/governors}) feed them directly and the EA's governors implement the same
 * rules. Checks in {@link com.vproptrader.host.govern.ReasonCode} precedence: order validity, duplicate
 * key, engine state, order rate (7), news embargo (5), weekend / market break / session (6), profit
 * target and best-day cap (soft), stop present and per-trade risk (3), lots per symbol, positions, open
 * risk, exposure (4), daily loss (1) and max loss (2) on the worst case.
 *
 * <h2>Money</h2>
 * {@link com.vproptrader.host.risk.Money} is whole cents; every rounding is named and always on the strict
 * side (losses up, firm limits down, our buffers up); limit checks are exact integer comparisons.
 *
 * <h2>Engine state</h2>
 * ACTIVE → REDUCING (only closes and tightened stops) → HALTED (only closes), persisted by a
 * {@link com.vproptrader.host.govern.GovernorStore} with the day anchor and the trailed peak. A new trading day
 * clears REDUCING and a daily halt; an overall-floor or operator halt needs an operator resume.
 */
package com.vproptrader.host.govern;

