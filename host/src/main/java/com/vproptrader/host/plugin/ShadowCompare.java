package com.vproptrader.host.plugin;

import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a shadow's answer is set beside the serving version's: when they agree, how an answer reads in the
 * journal, where the line goes, and who else hears each shadow's answer (by the shadow's label), e.g. the paper
 * book of what the shadow would have traded.
 */
public record ShadowCompare<R>(BiPredicate<R, R> agree, Function<R, String> show, Consumer<String> journal,
                               BiConsumer<String, R> answers) {
    public ShadowCompare(BiPredicate<R, R> agree, Function<R, String> show, Consumer<String> journal) {
        this(agree, show, journal, (label, answer) -> { });
    }
}
