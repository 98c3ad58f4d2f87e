package com.vproptrader.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.OperatorRequest;
import com.vproptrader.ui.feed.AdminFeed;
import com.vproptrader.ui.feed.AdminFeed.OperatorCommand;
import com.vproptrader.ui.fixture.FakeAdminService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate between the UI and a host over real gRPC: who may command, whose name the host journals, the audit. */
class OperatorGateTest {

    @Test
    void aViewerIsRefusedBeforeTheCommandLeavesTheUi_anOperatorsCommandCarriesTheLoginName(@TempDir Path tmp) throws Exception {
        AtomicReference<Optional<User>> who = new AtomicReference<>(Optional.empty());
        Path auditFile = tmp.resolve("audit.log");
        try (FakeAdminService host = FakeAdminService.start(0, 1_000);
             AdminFeed feed = AdminFeed.start(host.target(), 100, 100,
                     new OperatorGate(who::get, new AuditLog(auditFile), host.target()))) {
            OperatorRequest typed = OperatorRequest.newBuilder().setOperator("mallory").setReason("news").build();

            OperatorReply anonymous = feed.act(OperatorCommand.HALT, typed);
            assertThat(anonymous.getAccepted()).isFalse();
            assertThat(anonymous.getRefusedBy()).isEqualTo("NOT_OPERATOR");

            who.set(Optional.of(new User("victor", Role.VIEWER)));
            OperatorReply viewer = feed.act(OperatorCommand.FLATTEN_ALL, typed);
            assertThat(viewer.getRefusedBy()).isEqualTo("NOT_OPERATOR");
            assertThat(viewer.getDetail()).contains("victor is viewer");
            assertThat(host.operatorRequests()).as("nothing reached the host").isEmpty();

            who.set(Optional.of(new User("alice", Role.OPERATOR)));
            OperatorReply noReason = feed.act(OperatorCommand.HALT, typed.toBuilder().setReason(" ").build());
            assertThat(noReason.getAccepted()).isFalse();
            assertThat(host.operatorRequests()).isEmpty();

            OperatorReply operator = feed.act(OperatorCommand.HALT, typed);
            assertThat(operator.getAccepted()).isTrue();
            assertThat(host.operatorRequests()).containsExactly("HALT alice: news");

            // reads pass for anyone
            who.set(Optional.empty());
            assertThat(feed.snapshot()).isNotNull();

            assertThat(Files.readAllLines(auditFile)).satisfiesExactly(
                    l -> assertThat(l).contains("user=- role=none", "command=Halt", "refused: not an operator"),
                    l -> assertThat(l).contains("user=victor role=viewer", "command=FlattenAll", "refused: not an operator"),
                    l -> assertThat(l).contains("user=alice role=operator", "command=Halt", "refused: no reason"),
                    l -> assertThat(l).contains("user=alice role=operator", "command=Halt", "reason=\"news\"",
                            "outcome=\"accepted: HALT by alice: news\""));
        }
    }

    @Test
    void readsAreMethodsNamedGetListOrWatch() {
        assertThat(OperatorGate.isRead(com.vproptrader.proto.AdminServiceGrpc.getGetStatusMethod())).isTrue();
        assertThat(OperatorGate.isRead(com.vproptrader.proto.AdminServiceGrpc.getWatchMethod())).isTrue();
        assertThat(OperatorGate.isRead(com.vproptrader.proto.AdminServiceGrpc.getListPluginsMethod())).isTrue();
        assertThat(OperatorGate.isRead(com.vproptrader.proto.AdminServiceGrpc.getHaltMethod())).isFalse();
        assertThat(OperatorGate.isRead(com.vproptrader.proto.AdminServiceGrpc.getFollowRiskAdviceMethod())).isFalse();
        assertThat(OperatorGate.isRead(com.vproptrader.proto.LearningAdminGrpc.getPromoteModelMethod())).isFalse();
    }
}
