package com.vproptrader.host.macro.sentiment;

import java.time.Instant;

/**
 * A headline from a configured feed: {@code currency} is the feed's tag (what its news is about),
 * {@code published} what the feed says, {@code knownAt} when the host could first have read it (see
 * {@link HeadlineFeed}): features use {@code knownAt} only.
 */
public record Headline(String feed, String id, String title, String currency, Instant published, Instant knownAt) {
}
