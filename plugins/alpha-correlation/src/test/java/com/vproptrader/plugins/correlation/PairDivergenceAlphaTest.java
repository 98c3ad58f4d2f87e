package com.vproptrader.plugins.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.PeerCloses;
import com.vproptrader.proto.Side;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairDivergenceAlphaTest {
    private final PairDivergenceAlpha alpha = new PairDivergenceAlpha(config());

    static PluginConfig config() {
        Properties p = new Properties();
        p.setProperty("lookback_bars", "60");
        p.setProperty("divergence_bars", "5");
        p.setProperty("min_correlation", "0.6");
        p.setProperty("entry_z", "2.5");
        return PluginConfig.of("test", p);
    }

    /**
     * Synthetic pair (seeded, reproducible): the peer's returns are noise of 5 bp a bar; the symbol's are the
     * peer's plus 1 bp of its own noise, so they correlate strongly. Over the last 5 bars the symbol adds
     * {@code ownDriftBp} a bar that its partner does not have.
     */
    static AlphaInput pair(double ownDriftBp, boolean peerShares) {
        Random rnd = new Random(7);
        AlphaInput.Builder in = AlphaInput.newBuilder();
        PeerCloses.Builder peer = PeerCloses.newBuilder().setSymbol("GBPUSD");
        double own = 1.10;
        double other = 1.30;
        in.addBars(Bar.newBuilder().setClose(own));
        peer.addCloses(other);
        for (int t = 0; t < 60; t++) {
            double q = 5e-4 * rnd.nextGaussian();
            double drift = t >= 55 ? ownDriftBp * 1e-4 : 0;
            other *= Math.exp(q + (peerShares ? drift : 0));
            own *= Math.exp(q + 1e-4 * rnd.nextGaussian() + drift);
            in.addBars(Bar.newBuilder().setClose(own));
            peer.addCloses(other);
        }
        return in.addPeers(peer).build();
    }

    @Test
    void symbolRunsAheadOfItsPartner_sellsForConvergence() {
        var out = alpha.evaluate(pair(+3, false));

        assertThat(out.getDirection()).isEqualTo(Side.SELL);
        assertThat(out.getReason()).startsWith("vs GBPUSD rho +0.9").contains("expect convergence");
    }

    @Test
    void symbolLagsItsPartner_buys() {
        assertThat(alpha.evaluate(pair(-3, false)).getDirection()).isEqualTo(Side.BUY);
    }

    @Test
    void bothMoveTogether_isNoDivergence() {
        assertThat(alpha.evaluate(pair(+3, true)).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void uncorrelatedPeer_isNoPartner() {
        AlphaInput in = pair(+3, false);
        Random rnd = new Random(11);
        PeerCloses.Builder noise = PeerCloses.newBuilder().setSymbol("XAUUSD");
        double p = 2000;
        for (int i = 0; i < in.getBarsCount(); i++) {
            p *= Math.exp(5e-4 * rnd.nextGaussian());
            noise.addCloses(p);
        }
        var out = alpha.evaluate(in.toBuilder().clearPeers().addPeers(noise).build());

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).startsWith("no peer correlated");
    }

    @Test
    void beforeItsWarmUp_orWithoutPeers_neverVotes() {
        AlphaInput full = pair(+10, false);
        AlphaInput.Builder shortHistory = full.toBuilder().removeBars(0);
        shortHistory.setPeers(0, full.getPeers(0).toBuilder().clearCloses()
                .addAllCloses(full.getPeers(0).getClosesList().subList(1, 61)));

        assertThat(alpha.evaluate(shortHistory.build()).getReason()).isEqualTo("warming up: 60 of 61 bars");
        assertThat(alpha.evaluate(full.toBuilder().clearPeers().build()).getDirection())
                .isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void bundledConfig_isRead_andAsksForPeers() {
        var bundled = new PairDivergenceAlpha();

        assertThat(bundled.needs().getPeers()).isTrue();
        assertThat(bundled.needs().getBars()).isEqualTo(61);
        assertThat(bundled.evaluate(pair(+3, false)).getDirection()).isEqualTo(Side.SELL);
    }
}
