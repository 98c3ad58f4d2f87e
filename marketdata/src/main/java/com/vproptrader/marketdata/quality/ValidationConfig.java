package com.vproptrader.marketdata.quality;

/**
 * Thresholds of {@link TickValidator}.
 *
 * @param jumpSigmas            a mid-price log return beyond this many sigma is an absurd jump (default 12)
 * @param jumpVarianceHalfLife  half-life, in ticks, of the EWMA variance of tick log returns that sigma comes from
 * @param jumpWarmupTicks       ticks of a symbol before the jump check starts (sigma is meaningless before)
 * @param minJumpLogReturn      moves smaller than this are never jumps, however quiet the market was:
 *                              a dead-calm Asian session must not turn a normal 5-pip move into a "bad print"
 * @param maxConsecutiveJumps   after this many consecutive jump rejections the new level is accepted: the
 *                              market really moved (news, weekend open) and refusing it forever would
 *                              freeze the symbol
 */
public record ValidationConfig(double jumpSigmas, int jumpVarianceHalfLife, int jumpWarmupTicks,
                               double minJumpLogReturn, int maxConsecutiveJumps) {

    public ValidationConfig {
        if (!(jumpSigmas > 0) || jumpVarianceHalfLife < 1 || jumpWarmupTicks < 0 || !(minJumpLogReturn >= 0)
                || maxConsecutiveJumps < 1) {
            throw new IllegalArgumentException("invalid validation config " + this);
        }
    }

    public static ValidationConfig defaults() {
        return new ValidationConfig(12.0, 500, 50, 0.002, 3);
    }

    public ValidationConfig withJumpSigmas(double sigmas) {
        return new ValidationConfig(sigmas, jumpVarianceHalfLife, jumpWarmupTicks, minJumpLogReturn, maxConsecutiveJumps);
    }
}
