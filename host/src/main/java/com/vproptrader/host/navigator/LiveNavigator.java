package com.vproptrader.host.navigator;

import com.vproptrader.host.background.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The navigator beside a live account: the event loop hands it a copy of the state after a closed trade or a
 * day reset and returns at once; the simulation runs on the navigator's own threads, the newest request
 * replacing any that has not started (a burst of closes costs one run; after a run it rests as long as the run
 * took, so it never takes more than half of the machine from the account). The forecast at the account's risk is
 * computed first and shown at once ({@link #latest()}, AdminService) beside the previous risk curve; the full
 * report, with the new curve, then replaces it and goes to {@code onReport} (the loop journals it).
 */
public final class LiveNavigator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveNavigator.class);

    private final NavigatorConfig config;
    private final ExecutorService coordinator;
    private final ExecutorService workers;
    private final ChallengeNavigator navigator;
    private final Consumer<NavigatorReport> onReport;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicReference<NavigatorReport> latest = new AtomicReference<>();

    /**
     * What the loop hands over: a copy of the start state, where to read the account's closed trades (read on the
     * navigator's thread, so the loop does not pay for it; the best day so far is taken from them there), why,
     * and the risk the operator made the sizer follow (0 = none).
     */
    public record Request(StartState start, Supplier<List<TradeOutcome>> trades, String cause, long asOfMsc,
                          double followedRisk) {
    }

    public LiveNavigator(NavigatorConfig config, Consumer<NavigatorReport> onReport) {
        this.config = config;
        this.onReport = onReport;
        this.coordinator = Executors.newSingleThreadExecutor(BackgroundThreads.named("navigator"));
        this.workers = Executors.newFixedThreadPool(config.threads(), BackgroundThreads.named("navigator-worker"));
        this.navigator = new ChallengeNavigator(config, new Simulation(workers, config.threads()));
    }

    public NavigatorConfig config() {
        return config;
    }

    /** Queues a refresh; never blocks the caller. */
    public void refresh(Request request) {
        pending.set(request);
        coordinator.execute(this::runNewest);
    }

    /** The newest finished report. */
    public Optional<NavigatorReport> latest() {
        return Optional.ofNullable(latest.get());
    }

    private void runNewest() {
        Request r = pending.getAndSet(null);
        if (r == null) {
            return; // a later task already ran it
        }
        try {
            long t0 = System.nanoTime();
            List<TradeOutcome> trades = r.trades().get();
            StartState start = r.start().withBestDay(TradeOutcome.bestDay(trades, r.start().pack().dayReset()));
            ChallengeNavigator.Source source = navigator.source(start, trades);
            double risk = r.followedRisk() > 0 ? r.followedRisk() : ChallengeNavigator.currentRisk(source);
            Forecast forecast = navigator.forecast(source, risk);
            NavigatorReport previous = latest.get();
            if (previous != null) {
                // The page's figures first: the new forecast beside the last curve until the new curve is done.
                latest.set(new NavigatorReport(forecast, previous.curve(), source.tradesObserved(),
                        source.daysObserved(), source.blockLength(), source.priorShare(), r.cause(), r.asOfMsc(),
                        start.deadline(), (System.nanoTime() - t0) / 1e6));
            }
            RiskCurve curve = navigator.riskCurve(source);
            NavigatorReport report = new NavigatorReport(forecast, curve, source.tradesObserved(),
                    source.daysObserved(), source.blockLength(), source.priorShare(), r.cause(), r.asOfMsc(),
                    start.deadline(), (System.nanoTime() - t0) / 1e6);
            latest.set(report);
            onReport.accept(report);
            // Rest as long as the run took: at most half of one core, so the account loop always has CPU.
            Thread.sleep((long) report.refreshMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (coordinator.isShutdown()) {
                log.debug("navigator refresh ({}) cut short by the host's stop", r.cause());
                return; // the host stops: the simulation was cancelled, nothing failed
            }
            // A forecast is advice: a failure is logged and the previous report stays; trading is untouched.
            log.error("navigator refresh failed ({})", r.cause(), e);
        }
    }

    @Override
    public void close() {
        coordinator.shutdownNow();
        workers.shutdownNow();
        try {
            coordinator.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
