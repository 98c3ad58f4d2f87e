package com.vproptrader.host.macro.sentiment;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.vproptrader.host.macro.LocalHttpServer;
import com.vproptrader.host.macro.LocalHttpServer.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.vproptrader.host.macro.LocalHttpServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SentimentTest {
    private static final Instant FETCHED = Instant.parse("2024-03-14T13:00:00Z");
    private static final Clock CLOCK = Clock.fixed(FETCHED, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void lexiconScoresTheMeanWeightOfKnownWordsAndFlipsANegatedOne() {
        LexiconScorer lexicon = LexiconScorer.bundled();

        assertThat(lexicon.score("US jobs growth beats expectations")).isPositive();
        assertThat(lexicon.score("German industry slumps as recession fears grow")).isNegative();
        assertThat(lexicon.score("Inflation rises")).isCloseTo((-0.2 + 0.4) / 2, within(1e-12));
        assertThat(lexicon.score("Inflation does not rise")).isCloseTo((-0.2 - 0.4) / 2, within(1e-12));
        assertThat(lexicon.score("Central bank meets on Thursday")).isZero();
    }

    @Test
    void aLexiconWeightOutsideTheRangeIsRefusedWithItsLine() {
        assertThatThrownBy(() -> new LexiconScorer(LexiconScorer.parse("good\t0.5\nsoaring\t3\n", "mine.tsv")))
                .hasMessageContaining("soaring").hasMessageContaining("[-1, 1]");
        assertThatThrownBy(() -> LexiconScorer.parse("good 0.5\n", "mine.tsv")).hasMessageContaining("mine.tsv line 1");
    }

    /** A bag-of-words linear classifier (negative, neutral, positive) written as a real ONNX graph. */
    private static byte[] tinyClassifier(float[][] weights) {
        TensorProto.Builder w = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(weights.length).addDims(3);
        for (float[] row : weights) {
            for (float v : row) {
                w.addFloatData(v);
            }
        }
        TensorProto b = TensorProto.newBuilder().setName("b").setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(3).addFloatData(0).addFloatData(0).addFloatData(0).build();
        TypeProto.Tensor.Builder in = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber())
                .setShape(TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(weights.length)));
        GraphProto graph = GraphProto.newBuilder().setName("headline_sentiment")
                .addInitializer(w).addInitializer(b)
                .addInput(ValueInfoProto.newBuilder().setName("token_counts").setType(TypeProto.newBuilder().setTensorType(in)))
                .addOutput(ValueInfoProto.newBuilder().setName("probabilities").setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()))))
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("token_counts").addInput("W").addOutput("xw"))
                .addNode(NodeProto.newBuilder().setOpType("Add").addInput("xw").addInput("b").addOutput("logits"))
                .addNode(NodeProto.newBuilder().setOpType("Softmax").addInput("logits").addOutput("probabilities")
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("vproptrader-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(graph).build().toByteArray();
    }

    private OnnxTextClassifier classifier(List<String> vocabulary, float[][] weights) throws IOException {
        Path model = dir.resolve("sentiment.onnx");
        Files.write(model, tinyClassifier(weights));
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, vocabulary);
        return new OnnxTextClassifier(model, vocab, List.of("negative", "neutral", "positive"));
    }

    @Test
    void onnxSlotRunsTheTokenizerAndTheModelAndScoresPositiveMinusNegative() throws Exception {
        float[][] w = {{0, 0, 3}, {3, 0, 0}, {0, 0, 2}, {2, 0, 0}, {0, 0, 0}}; // strong, weak, growth, recession, the
        try (OnnxTextClassifier onnx = classifier(List.of("strong", "weak", "growth", "recession", "the"), w)) {
            double strong = onnx.score("Strong growth in the US");
            // logits (0, 0, 5): P(pos) - P(neg) = (e^5 - 1) / (e^5 + 2)
            assertThat(strong).isCloseTo((Math.exp(5) - 1) / (Math.exp(5) + 2), within(1e-6));
            assertThat(onnx.score("weak, weak recession")).isLessThan(-0.99);
            assertThat(onnx.score("the")).isCloseTo(0, within(1e-7));
            assertThat(onnx.name()).isEqualTo("onnx");
        }
    }

    @Test
    void aModelWhoseInputDoesNotMatchTheVocabularyIsRefused() {
        float[][] w = {{0, 0, 1}, {1, 0, 0}};
        assertThatThrownBy(() -> classifier(List.of("strong", "weak", "extra"), w))
                .hasMessageContaining("[1, 2]").hasMessageContaining("3 tokens");
    }

    @Test
    void rssAndAtomFeedsServedLocallyAreReadWithTheFetchTimeAsKnownAt() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.answer("/usd.rss", Answer.ok("application/rss+xml", resource("feeds/usd-rss.xml")));
            server.answer("/eur.atom", Answer.ok("application/atom+xml", resource("feeds/eur-atom.xml")));
            List<Headline> usd = new HeadlineFeed("us", server.uri().resolve("/usd.rss"), "USD", CLOCK).fetch();
            List<Headline> eur = new HeadlineFeed("eu", server.uri().resolve("/eur.atom"), "EUR", CLOCK).fetch();

            assertThat(usd).extracting(Headline::id).containsExactly("a1", "a2"); // the undated item is skipped
            assertThat(usd.get(1).published()).isEqualTo(Instant.parse("2024-03-14T12:35:00Z"));
            assertThat(usd).extracting(Headline::knownAt).containsOnly(FETCHED);
            assertThat(eur).extracting(Headline::published)
                    .containsExactly(Instant.parse("2024-03-13T08:00:00Z"), Instant.parse("2024-03-13T10:00:00Z"));
            assertThat(eur).extracting(Headline::currency).containsOnly("EUR");
        }
    }

    @Test
    void anArchiveFileIsKnownFromPublicationAndAStoredHeadlineKeepsItsFirstSighting() throws Exception {
        Path archive = dir.resolve("usd.rss");
        Files.writeString(archive, resource("feeds/usd-rss.xml"));
        HeadlineFeed feed = new HeadlineFeed("us", archive.toUri(), "USD", CLOCK);
        try (HeadlineStore store = new HeadlineStore(dir.resolve("macro.db"))) {
            assertThat(store.add(feed.fetch(), LexiconScorer.bundled())).isEqualTo(2);
            assertThat(store.add(new HeadlineFeed("us", archive.toUri(), "USD",
                    Clock.fixed(FETCHED.plusSeconds(3600), ZoneOffset.UTC)).fetch(), LexiconScorer.bundled())).isZero();

            List<HeadlineStore.Scored> all = store.all();
            assertThat(all.get(0).headline().knownAt()).isEqualTo(Instant.parse("2024-03-12T12:31:00Z"));
            assertThat(all.get(0).score()).isPositive();
            assertThat(all).extracting(HeadlineStore.Scored::scorer).containsOnly("lexicon");
        }
    }

    @Test
    void aFeedWithADoctypeIsRefusedNotExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss><channel><item><title>&x;</title><pubDate>Tue, 12 Mar 2024 12:31:00 GMT</pubDate></item></channel></rss>";
        HeadlineFeed feed = new HeadlineFeed("evil", URI.create("http://127.0.0.1/"), "USD", CLOCK);
        assertThatThrownBy(() -> feed.parse(xxe, FETCHED)).isInstanceOf(IOException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void decayedSentimentUsesOnlyWhatIsKnownAndFadesTowardsNeutral() {
        CurrencySentiment usd = new CurrencySentiment(3_600_000, 1);
        assertThat(usd.at(0)).isZero();
        usd.add(0, 0.8);
        assertThat(usd.at(0)).isCloseTo(0.8 / 2, within(1e-12));
        assertThat(usd.at(3_600_000)).isCloseTo(0.4 / 1.5, within(1e-12)); // one half-life later
        usd.add(3_600_000, -0.8);
        assertThat(usd.at(3_600_000)).isCloseTo((0.4 - 0.8) / 2.5, within(1e-12));
        assertThatThrownBy(() -> usd.add(0, 0.1)).hasMessageContaining("before the previous one");
    }
}
