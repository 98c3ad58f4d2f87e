package com.vproptrader.host.plugin;

import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a shadow's answer is set beside the serving version's: when they agree, how an answer reads in the
 * journal, and where the line goes.
 */
public record ShadowCompare<R>(BiPredicate<R, R> agree, Function<R, String> show, Consumer<String> journal) {
}
