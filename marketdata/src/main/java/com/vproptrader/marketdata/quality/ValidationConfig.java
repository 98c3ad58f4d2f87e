package com.vproptrader.marketdata.quality;

import java.util.Map;

/**
 * Thresholds of {@link TickValidator}.
 *
 * @param jumpSigmas            a mid-price return beyond this many sigma is an absurd jump (default 12)
 * @param jumpVarianceHalfLife  half-life, in ticks, of the EWMA variance of tick returns that sigma comes from
 * @param jumpWarmupTicks       ticks of a symbol before the jump check starts (sigma is meaningless before)
 * @param minJumpLogReturn      moves smaller than this are never jumps, however quiet the market was:
 *                              a dead-calm Asian session must not turn a normal 5-pip move into a "bad print"
 * @param maxConsecutiveJumps   after this many consecutive jump rejections the new level is accepted: the
 *                              market really moved (news, weekend open) and refusing it forever would
 *                              freeze the symbol
 * @param symbols               per-symbol jump limits replacing {@code jumpSigmas} and {@code minJumpLogReturn}
 *                              for that symbol: a crypto CFD or an index moves in one tick what EURUSD moves
 *                              in a day, and its own sigma alone cannot know its fat tails
 */
public record ValidationConfig(double jumpSigmas, int jumpVarianceHalfLife, int jumpWarmupTicks,
                               double minJumpLogReturn, int maxConsecutiveJumps, Map<String, JumpLimit> symbols) {

    /** How far one tick of a symbol may move before it is an absurd jump: the larger of the two. */
    public record JumpLimit(double jumpSigmas, double minJumpReturn) {
        public JumpLimit {
            if (!(jumpSigmas > 0) || !(minJumpReturn >= 0)) {
                throw new IllegalArgumentException("invalid jump limit: jumpSigmas " + jumpSigmas
                        + " must be > 0, minJumpReturn " + minJumpReturn + " must be >= 0");
            }
        }
    }

    public ValidationConfig {
        symbols = Map.copyOf(symbols);
        if (!(jumpSigmas > 0) || jumpVarianceHalfLife < 1 || jumpWarmupTicks < 0 || !(minJumpLogReturn >= 0)
                || maxConsecutiveJumps < 1) {
            throw new IllegalArgumentException("invalid validation config " + this);
        }
    }

    public ValidationConfig(double jumpSigmas, int jumpVarianceHalfLife, int jumpWarmupTicks, double minJumpLogReturn,
                            int maxConsecutiveJumps) {
        this(jumpSigmas, jumpVarianceHalfLife, jumpWarmupTicks, minJumpLogReturn, maxConsecutiveJumps, Map.of());
    }

    public static ValidationConfig defaults() {
        return new ValidationConfig(12.0, 500, 50, 0.002, 3);
    }

    public ValidationConfig withJumpSigmas(double sigmas) {
        return new ValidationConfig(sigmas, jumpVarianceHalfLife, jumpWarmupTicks, minJumpLogReturn, maxConsecutiveJumps,
                symbols);
    }

    /** The jump limit of {@code symbol}: its own entry, else the defaults. */
    public JumpLimit jumpLimit(String symbol) {
        JumpLimit own = symbols.get(symbol);
        return own != null ? own : new JumpLimit(jumpSigmas, minJumpLogReturn);
    }
}
