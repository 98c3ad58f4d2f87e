package com.vproptrader.host.scan;

import com.vproptrader.proto.Side;

/** One alpha's vote at one scan, with the weight it carried in the merge. */
public record Vote(String alphaId, String label, Side side, double strength, double weight, String reason) {
    /** +1 buy, −1 sell. */
    public int sign() {
        return side == Side.BUY ? 1 : -1;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %s %.2f w%.2f (%s)", label, side, strength, weight, reason);
    }
}
