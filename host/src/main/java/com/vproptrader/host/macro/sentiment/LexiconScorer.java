package com.vproptrader.host.macro.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default scorer: a word list with weights in [−1, 1] ({@code word<TAB>weight} per line, {@code #} comments;
 * the bundled {@code macro/sentiment-lexicon.tsv} is a small hand-made list of economic-news words, documented
 * in docs/macro.md). Score = mean weight of the words found, a word's sign flipped when one of the two words
 * before it is a negation ("not", "no", "never", "without", ...); 0 when no word is in the list.
 */
public final class LexiconScorer implements SentimentScorer {
    public static final String NAME = "lexicon";
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "isn't", "wasn't", "won't",
            "don't", "doesn't", "didn't", "fails", "failed");

    private final Map<String, Double> weights;

    public LexiconScorer(Map<String, Double> weights) {
        weights.forEach((w, v) -> {
            if (!(v >= -1 && v <= 1)) {
                throw new IllegalArgumentException("lexicon weight of '" + w + "' is " + v + ", not in [-1, 1]");
            }
        });
        this.weights = Map.copyOf(weights);
    }

    /** The bundled lexicon. */
    public static LexiconScorer bundled() {
        try (InputStream in = LexiconScorer.class.getResourceAsStream("/macro/sentiment-lexicon.tsv")) {
            return new LexiconScorer(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled lexicon"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LexiconScorer file(Path file) {
        try {
            return new LexiconScorer(parse(Files.readString(file), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("lexicon " + file + ": cannot read", e);
        }
    }

    static Map<String, Double> parse(String text, String where) {
        Map<String, Double> out = new HashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected word<TAB>weight");
                }
                out.put(parts[0].strip().toLowerCase(java.util.Locale.ROOT), Double.parseDouble(parts[1].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " line " + (i + 1) + " '" + line + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(String text) {
        List<String> tokens = Tokens.of(text);
        double sum = 0;
        int found = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Double w = weights.get(tokens.get(i));
            if (w == null) {
                continue;
            }
            boolean negated = (i >= 1 && NEGATIONS.contains(tokens.get(i - 1)))
                    || (i >= 2 && NEGATIONS.contains(tokens.get(i - 2)));
            sum += negated ? -w : w;
            found++;
        }
        return found == 0 ? 0 : sum / found;
    }
}
