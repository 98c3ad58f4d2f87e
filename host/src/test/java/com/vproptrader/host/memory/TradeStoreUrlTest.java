package com.vproptrader.host.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TradeStoreUrlTest {
    @Test
    void aStoreUrlOfAnotherDatabaseIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> TradeStore.at("jdbc:mysql://db/acct?user=vpt&password=s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:… or jdbc:postgresql:…")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aPostgresqlStoreIsLoggedWithoutItsPassword() {
        assertThat(TradeStore.redacted("jdbc:postgresql://db:5432/acct?user=vpt&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/acct?user=vpt&password=***&ssl=true");
    }
}
