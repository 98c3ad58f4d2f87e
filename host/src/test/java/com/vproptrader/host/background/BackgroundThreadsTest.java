package com.vproptrader.host.background;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundThreadsTest {

    @Test
    void workBesideTheLoopsRunsAtALowerOsPriorityAndTheCallersPriorityIsUntouched() throws Exception {
        CompletableFuture<Integer> niceOfWork = new CompletableFuture<>();
        Thread t = BackgroundThreads.named("indexer").newThread(() -> niceOfWork.complete(ownNice()));
        t.start();

        assertThat(t.getName()).isEqualTo("indexer");
        assertThat(t.isDaemon()).isTrue();
        assertThat(niceOfWork.get(10, TimeUnit.SECONDS)).isEqualTo(BackgroundThreads.NICE);
        assertThat(ownNice()).isZero();
    }

    /** Field 19 of the kernel's stat line of the calling thread (after the name in parentheses: field 3 is first). */
    private static int ownNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
