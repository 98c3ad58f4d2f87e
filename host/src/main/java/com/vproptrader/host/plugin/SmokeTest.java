package com.vproptrader.host.plugin;

/**
 * The smoke call a version must pass before it serves: every extension answers every canned input
 * (non-null, no throw) within the call budget.
 *
 * <p>The first call gets a cold allowance: it loads the plugin's classes and runs interpreted, which on
 * a slow machine can take longer than a warm call's budget and must not get a good plugin refused.
 */
final class SmokeTest {
    private final Runners runners;
    private final long budgetNanos;
    private final long coldBudgetNanos;

    SmokeTest(Runners runners, long budgetNanos) {
        this.runners = runners;
        this.budgetNanos = budgetNanos;
        this.coldBudgetNanos = Math.max(budgetNanos * 10, 1_000_000_000L);
    }

    /** @throws RefusedException naming the extension, the input and what went wrong */
    void check(LoadedVersion version) {
        for (LoadedVersion.Bound b : version.bounds()) {
            call(b, 0, coldBudgetNanos);
            for (int i = 0; i < SmokeInputs.COUNT; i++) {
                call(b, i, budgetNanos);
            }
        }
    }

    private void call(LoadedVersion.Bound b, int input, long budget) {
        String what = "smoke call of " + b.extension().getClass().getName() + " on canned " + b.kind().label
                + " input #" + input;
        Object result;
        try {
            result = runners.run(b.kind().smokeCall(input), b.extension(), budget);
        } catch (CallRunner.TimeoutException e) {
            throw new RefusedException(what + " exceeded its budget of " + budget / 1_000_000 + " ms");
        } catch (Throwable t) {
            throw new RefusedException(what + " threw " + Failures.describe(t));
        }
        if (result == null) {
            throw new RefusedException(what + " returned null");
        }
    }
}
