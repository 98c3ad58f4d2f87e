package com.vproptrader.host.memory;

import java.nio.file.Path;

/** The databases the long-term store runs on: each store test runs on both (a fresh store each time). */
public enum StoreBackend {
    SQLITE {
        @Override
        public TradeStore open(Path dir) {
            return TradeStore.open(dir.resolve("m.db"));
        }
    },
    POSTGRESQL {
        @Override
        public TradeStore open(Path dir) {
            return TradeStore.at(PostgresCluster.shared().newDatabase());
        }
    };

    /** A new empty store ({@code dir}: the test's folder, for SQLite). */
    public abstract TradeStore open(Path dir);
}
