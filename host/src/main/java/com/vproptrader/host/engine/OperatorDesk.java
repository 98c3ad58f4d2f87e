package com.vproptrader.host.engine;

import com.vproptrader.host.govern.EngineState;
import com.vproptrader.host.govern.Governance;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.Flatten;
import com.vproptrader.proto.Halt;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.OperatorRecord;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.OperatorRequest;
import com.vproptrader.proto.Resume;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * An operator's halt, resume and flatten, carried out on the event loop between two events: checked,
 * journaled with who and why (event time), recorded on the Compliance page, and sent to the terminal, whose
 * EA enforces halts itself. A refused action changes nothing and says which rule refused it.
 */
final class OperatorDesk {
    private final Journal journal;
    private final Consumer<HostCommand.Builder> terminal;

    OperatorDesk(Journal journal, Consumer<HostCommand.Builder> terminal) {
        this.journal = journal;
        this.terminal = terminal;
    }

    /** Journals an operator's action done outside the loop's own state (e.g. a plugin JAR uploaded). */
    void journalOutside(String action, OperatorRequest request, String detail, long serverTimeMsc) {
        journal.append(serverTimeMsc, "", JournalRecord.newBuilder()
                .setOperator(OperatorRecord.newBuilder().setAction(action).setRequest(request).setDetail(detail)).build());
    }

    /** Carries out one action; {@code rules} is null until the terminal's first hello. */
    OperatorReply apply(OperatorAction action, OperatorRequest request, PropFirmRules rules, AccountView account,
                        long serverTimeMsc) {
        Optional<String> missing = missing(request);
        if (missing.isPresent()) {
            return refused(action, request, serverTimeMsc, "MISSING_" + missing.get().toUpperCase(),
                    "the " + missing.get() + " is required");
        }
        if (rules == null) {
            return refused(action, request, serverTimeMsc, "NO_TERMINAL", "no terminal has connected yet");
        }
        Governance governance = rules.governance();
        String who = action + " by " + request.getOperator() + ": " + request.getReason();
        switch (action) {
            case HALT -> {
                if (governance.status().state() == EngineState.HALTED) {
                    return refused(action, request, serverTimeMsc, "ALREADY_HALTED", "the engine is already halted ("
                            + governance.status().reason() + ")");
                }
                governance.halt(request.getOperator() + ": " + request.getReason(), rules.instant(serverTimeMsc));
                terminal.accept(HostCommand.newBuilder().setHalt(Halt.newBuilder().setReason("OPERATOR: " + who)));
            }
            case RESUME -> {
                Optional<Governance.Refusal> refusal = governance.resumeRefusal(account, rules.instant(serverTimeMsc),
                        request.getAcknowledgeMaxLoss());
                if (refusal.isPresent()) {
                    return refused(action, request, serverTimeMsc, refusal.get().rule(), refusal.get().detail());
                }
                String ack = request.getAcknowledgeMaxLoss() ? " (overall loss floor acknowledged)" : "";
                governance.resume(request.getOperator() + ": " + request.getReason() + ack, rules.instant(serverTimeMsc));
                terminal.accept(HostCommand.newBuilder().setResume(Resume.newBuilder().setReason("OPERATOR: " + who + ack)));
            }
            case FLATTEN_ALL -> terminal.accept(HostCommand.newBuilder()
                    .setFlatten(Flatten.newBuilder().setReason("OPERATOR: " + who)));
        }
        journal.append(serverTimeMsc, "", JournalRecord.newBuilder().setOperator(OperatorRecord.newBuilder()
                .setAction(action.name()).setRequest(request).setDetail(who)).build());
        rules.recordOperator(serverTimeMsc, who);
        return OperatorReply.newBuilder().setAccepted(true).setDetail(who).build();
    }

    private OperatorReply refused(OperatorAction action, OperatorRequest request, long serverTimeMsc, String rule, String detail) {
        journal.note(JournalKind.KIND_OPERATOR_REFUSED, serverTimeMsc, "", action + " by " + request.getOperator() + " refused by "
                + rule + ": " + detail);
        return OperatorReply.newBuilder().setAccepted(false).setRefusedBy(rule).setDetail(detail).build();
    }

    private static Optional<String> missing(OperatorRequest request) {
        if (request.getOperator().isBlank()) {
            return Optional.of("operator");
        }
        return request.getReason().isBlank() ? Optional.of("reason") : Optional.empty();
    }
}
