package com.vproptrader.host.govern.order;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Account;

import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** Balance, equity (floating P/L, swap, commission included) and open positions at one moment. */
public record AccountView(Money balance, Money equity, List<OpenPosition> positions) {

    public AccountView {
        positions = List.copyOf(positions);
    }

    /** From the EA's report; fractions of a cent are dropped (equity rounded down is the cautious side). */
    public static AccountView of(Account account, List<OpenPosition> positions) {
        return new AccountView(Money.of(account.getBalance(), RoundingMode.FLOOR),
                Money.of(account.getEquity(), RoundingMode.FLOOR), positions);
    }

    public Optional<OpenPosition> position(long ticket) {
        return positions.stream().filter(p -> p.ticket() == ticket).findFirst();
    }
}
