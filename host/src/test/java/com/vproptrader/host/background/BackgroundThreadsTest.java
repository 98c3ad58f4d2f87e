package com.vproptrader.host.background;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundThreadsTest {

    @Test
    void workBesideTheLoopsRunsUnderTheIdlePolicy_andTheCallersPolicyIsUntouched() throws Exception {
        CompletableFuture<Integer> policyOfWork = new CompletableFuture<>();
        Thread t = BackgroundThreads.named("indexer").newThread(() -> policyOfWork.complete(ownPolicy()));
        t.start();

        assertThat(t.getName()).isEqualTo("indexer");
        assertThat(t.isDaemon()).isTrue();
        assertThat(policyOfWork.get(10, TimeUnit.SECONDS)).as("SCHED_IDLE").isEqualTo(SCHED_IDLE);
        assertThat(ownPolicy()).as("SCHED_OTHER").isZero();
    }

    private static final int SCHED_IDLE = 5;

    /** Field 41 (policy) of the kernel's stat line of the calling thread (after the name in parentheses: field 3 is first). */
    private static int ownPolicy() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[41 - 3]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
