package com.vproptrader.host.govern;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every shared vector in mt5-ea/test/vectors/governors: the EA's g++ harness runs the same files. */
class GovernorVectorsTest {

    private static List<Path> vectorFiles() throws IOException {
        try (Stream<Path> files = Files.list(GovernorVector.VECTORS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_vector_gives_its_expected_verdict_and_reason() throws IOException {
        return vectorFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            GovernorVector v = GovernorVector.read(file);
            assertThat(v.name() + ".json").as("file name matches case name").isEqualTo(file.getFileName().toString());
            Verdict verdict = Governors.check(v.order(), v.input());
            assertThat(verdict.allowed() ? "ALLOW" : "VETO").as("%s: %s → %s", v.name(), v.description(), verdict)
                    .isEqualTo(v.expectedVerdict());
            assertThat(verdict.reason()).as("%s → %s", v.name(), verdict).isEqualTo(v.expectedReason());
            if (v.expectedSizeFactor() != null) {
                assertThat(verdict.sizeFactor()).as("%s size factor", v.name())
                        .isEqualByComparingTo(v.expectedSizeFactor());
            }
        }));
    }

    @Test
    void there_are_enough_vectors_to_cover_every_governor() throws IOException {
        assertThat(vectorFiles()).hasSizeGreaterThanOrEqualTo(40);
    }
}
