package com.vproptrader.ops.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.function.Executable;

/**
 * Inputs for the boundary fuzzers: a file of the corpus ({@code src/test/resources/fuzz/<target>/}, real-looking
 * inputs kept in the repository) with 1 to 8 random edits (bytes changed, inserted, deleted, duplicated,
 * truncated, characters that break parsers), or random text. jqwik draws them, shrinks a failing one and prints
 * its seed. CI runs {@code jqwik.tries.default} of ops/src/test/resources/junit-platform.properties per target,
 * {@code -Pproof} 20,000.
 */
final class Fuzz {
    /** Longer than any parse of these inputs takes: past it, the reader hangs. */
    static final Duration PER_INPUT = Duration.ofSeconds(5);
    private static final String[] BREAKERS = {",", ";", "\t", "\n", "\r\n", "\"", "'", "{", "}", "[", "]", ":", "NaN",
            "-", "1e309", "-0", "\u0000", "\uFEFF", "\uFFFD", "\\u0000", "null", "9999999999999999999", ".", " "};

    private Fuzz() {
    }

    static List<String> corpus(String target) {
        Path dir = Path.of("src", "test", "resources", "fuzz", target);
        try (Stream<Path> files = Files.list(dir)) {
            List<String> all = files.sorted().map(Fuzz::read).toList();
            if (all.isEmpty()) {
                throw new IllegalStateException("empty fuzz corpus " + dir);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Corpus files with random edits (most inputs), plus plain random text. */
    static Arbitrary<String> inputs(String target) {
        List<String> corpus = corpus(target);
        Arbitrary<String> mutated = Arbitraries.randomValue(r -> mutate(corpus.get(r.nextInt(corpus.size())), r));
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(400);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, mutated), net.jqwik.api.Tuple.of(1, random));
    }

    static String mutate(String seed, Random r) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + r.nextInt(8);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(6)) {
                case 0 -> s.setCharAt(at, (char) r.nextInt(0x3000));
                case 1 -> s.insert(at, BREAKERS[r.nextInt(BREAKERS.length)]);
                case 2 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(12)));
                case 3 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(40));
                    s.insert(end, s.substring(at, end));
                }
                case 4 -> s.setLength(at);
                default -> s.replace(at, Math.min(s.length(), at + 1), BREAKERS[r.nextInt(BREAKERS.length)]);
            }
        }
        return s.toString();
    }

    /** Runs one parse, failing the property if it hangs. */
    static void withinTime(Executable parse) {
        assertTimeoutPreemptively(PER_INPUT, parse);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
