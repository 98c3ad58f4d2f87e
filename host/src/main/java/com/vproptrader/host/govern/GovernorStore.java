package com.vproptrader.host.govern;

import java.util.Optional;

/** Where {@link Governance} keeps its {@link GovernorSnapshot}; written after every change. */
public interface GovernorStore {
    Optional<GovernorSnapshot> load();

    void save(GovernorSnapshot snapshot);

    /** For tests and replays: nothing survives the process. */
    static GovernorStore inMemory() {
        return new GovernorStore() {
            private GovernorSnapshot saved;

            @Override
            public Optional<GovernorSnapshot> load() {
                return Optional.ofNullable(saved);
            }

            @Override
            public void save(GovernorSnapshot snapshot) {
                saved = snapshot;
            }
        };
    }
}
