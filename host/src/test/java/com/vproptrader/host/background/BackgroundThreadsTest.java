package com.vproptrader.host.background;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundThreadsTest {

    @Test
    void workBesideTheLoopsRunsUnderTheIdlePolicy_andTheCallersPolicyIsUntouched() throws Exception {
        CompletableFuture<Integer> policyOfWork = new CompletableFuture<>();
        Thread t = BackgroundThreads.named("indexer").newThread(() -> policyOfWork.complete(ThreadPolicy.own()));
        t.start();

        assertThat(t.getName()).isEqualTo("indexer");
        assertThat(t.isDaemon()).isTrue();
        assertThat(policyOfWork.get(10, TimeUnit.SECONDS)).as("SCHED_IDLE").isEqualTo(ThreadPolicy.SCHED_IDLE);
        assertThat(ThreadPolicy.own()).as("SCHED_OTHER").isEqualTo(ThreadPolicy.SCHED_OTHER);
    }
}
