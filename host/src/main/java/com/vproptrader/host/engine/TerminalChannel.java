package com.vproptrader.host.engine;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.JournalKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The account's terminal session: who may say hello (the token, this host's account, one live session at a
 * time, the rule pack's server clock), when the session was last heard, and the numbered commands sent to it.
 * Refusals and replaced sessions are journaled. Loop thread only.
 */
final class TerminalChannel {
    private static final Logger log = LoggerFactory.getLogger(AccountEngine.class);
    /**
     * A session heard from within this long is alive, and a second hello for the account is refused: the
     * EA heartbeats every 2 s and the gateway drops an EA silent for 10 s, so a session quiet this long is dead.
     */
    private static final long SESSION_SILENCE_NANOS = 10_000_000_000L;

    private final HostConfig config;
    private final Journal journal;
    private final RulePack rulePack;
    private TerminalSession session;
    /** When the session last sent anything (the loop's clock): heartbeats keep a quiet session alive. */
    private long heardNanos;
    private String accountId = "";
    private long commandSeq;

    TerminalChannel(HostConfig config, Journal journal, RulePack rulePack) {
        this.config = config;
        this.journal = journal;
        this.rulePack = rulePack;
    }

    /** Why a hello is refused (journaled), or empty when it may connect; {@code eventMsc} is the loop's newest event time. */
    Optional<String> admit(Hello hello, LongSupplier nanos, long eventMsc) {
        Optional<String> refused = refusal(hello, nanos);
        if (refused.isPresent()) {
            // Event time: the newest event the loop saw, never the stranger's own clock.
            journal.note(JournalKind.KIND_LINK_REFUSED, eventMsc, "", refused.get());
            return refused;
        }
        Optional<String> wrongClock = ServerClockCheck.refusal(rulePack, hello);
        if (wrongClock.isPresent()) {
            journal.note(JournalKind.KIND_HELLO_REFUSED, hello.getServerTimeMsc(), "", wrongClock.get());
            log.warn("hello refused: {}", wrongClock.get());
            return wrongClock;
        }
        return Optional.empty();
    }

    /**
     * Why a hello must be refused: a bad token, another account, or a live session of this account. The clock is
     * read only when the first two pass (a replay's loop clock gives one journaled reading per read).
     */
    private Optional<String> refusal(Hello hello, LongSupplier nanos) {
        if (!config.token().isEmpty() && !config.token().equals(hello.getToken())) {
            return Optional.of("auth: bad token for account " + hello.getAccountId());
        }
        String wanted = config.accountId().isEmpty() ? accountId : config.accountId();
        if (!wanted.isEmpty() && !wanted.equals(hello.getAccountId())) {
            return Optional.of("auth: this host trades account " + wanted + ", not " + hello.getAccountId());
        }
        long silentNanos = nanos.getAsLong() - heardNanos;
        if (session != null && silentNanos < SESSION_SILENCE_NANOS) {
            return Optional.of("busy: account " + accountId + " has a live terminal session (heard "
                    + silentNanos / 1_000_000 + " ms ago); a second one is refused until it ends or is silent "
                    + SESSION_SILENCE_NANOS / 1_000_000_000 + " s");
        }
        return Optional.empty();
    }

    /** A live session is ended before its replacement is accepted (the old link is dead even if no one told us). */
    void endReplaced(long eventMsc) {
        if (session != null) {
            journal.note(JournalKind.KIND_LINK_REPLACED, eventMsc, "", accountId);
            session.close("replaced by a new connection of the same terminal");
        }
    }

    /** The session a hello was accepted on becomes the account's. */
    void accept(TerminalSession newSession, String account, long nowNanos) {
        session = newSession;
        heardNanos = nowNanos;
        accountId = account;
    }

    boolean isCurrent(TerminalSession s) {
        return s == session;
    }

    boolean connected() {
        return session != null;
    }

    void heard(long nowNanos) {
        heardNanos = nowNanos;
    }

    void disconnected() {
        session = null;
    }

    String accountId() {
        return accountId;
    }

    /** Numbers and sends a command; dropped when no terminal is connected. */
    void send(HostCommand.Builder command) {
        if (session != null) {
            session.send(command.setSeq(++commandSeq).build());
        }
    }
}
