package com.vproptrader.gateway;

import java.util.concurrent.ConcurrentHashMap;

/** Which account ids have a live EA connection: one connection per account at a time. */
final class AccountRegistry {
    private final ConcurrentHashMap<String, Object> live = new ConcurrentHashMap<>();

    /** @return true when {@code owner} now holds the account; false when another connection holds it */
    boolean claim(String accountId, Object owner) {
        Object prev = live.putIfAbsent(accountId, owner);
        return prev == null || prev == owner;
    }

    void release(String accountId, Object owner) {
        live.remove(accountId, owner);
    }
}
