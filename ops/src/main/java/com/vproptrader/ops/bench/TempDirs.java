package com.vproptrader.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A bench's working directory, deleted when the bench is done: a host's journal and stores reach hundreds of MB. */
final class TempDirs {
    private TempDirs() {
    }

    static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
