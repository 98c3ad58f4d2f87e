package com.vproptrader.host.engine;

import com.vproptrader.host.govern.SqliteGovernorStore;
import com.vproptrader.host.scan.SqliteWeightStore;

/**
 * The account's state file ({@code journal-state.db}): the governors' state and the alpha weights, opened at the
 * first hello (the account id is known then) and kept across reconnects. Loop thread only.
 */
final class StateFile implements AutoCloseable {
    private final EngineKernel k;
    private SqliteGovernorStore governors;
    private SqliteWeightStore weights;

    StateFile(EngineKernel kernel) {
        this.k = kernel;
    }

    /** Opens both stores, attaches the weights, and returns the governors on the stored state; called once. */
    PropFirmRules open(String accountId, long serverTimeMsc) {
        governors = new SqliteGovernorStore(k.config.stateFile(), accountId, k.live);
        weights = new SqliteWeightStore(k.config.stateFile(), accountId, k.live);
        k.weights.attach(weights);
        return new PropFirmRules(k.rulePack, governors, k.calendar, serverTimeMsc);
    }

    @Override
    public void close() {
        if (governors != null) {
            governors.close();
        }
        if (weights != null) {
            weights.close();
        }
    }
}
