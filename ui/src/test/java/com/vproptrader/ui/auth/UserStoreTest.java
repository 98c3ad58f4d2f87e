package com.vproptrader.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {

    @Test
    void addedLoginsAuthenticateOnlyWithTheirPassword_andTheFileHoldsNoPassword(@TempDir Path tmp) throws Exception {
        UserStore store = new UserStore(tmp.resolve("users.txt"));
        store.put("alice", Role.OPERATOR, "s3cret-enough".toCharArray());
        store.put("victor", Role.VIEWER, "another-one".toCharArray());

        assertThat(store.authenticate("alice", "s3cret-enough".toCharArray())).contains(new User("alice", Role.OPERATOR));
        assertThat(store.authenticate("victor", "another-one".toCharArray())).contains(new User("victor", Role.VIEWER));
        assertThat(store.authenticate("alice", "another-one".toCharArray())).isEmpty();
        assertThat(store.authenticate("nobody", "s3cret-enough".toCharArray())).isEmpty();
        String text = Files.readString(store.file());
        assertThat(text).doesNotContain("s3cret-enough").contains("alice operator pbkdf2-sha512$210000$");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");

        store.put("alice", Role.VIEWER, "changed-password".toCharArray());
        assertThat(store.authenticate("alice", "s3cret-enough".toCharArray())).isEmpty();
        assertThat(store.authenticate("alice", "changed-password".toCharArray())).contains(new User("alice", Role.VIEWER));
        assertThat(store.remove("victor")).isTrue();
        assertThat(store.users()).containsOnlyKeys("alice");
    }

    @Test
    void aBadLineIsRefusedNamingTheLine_andShortPasswordsOrOddNamesAreRefused(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("users.txt");
        Files.write(file, List.of("# logins", "bob operator plaintext-password"));
        assertThatThrownBy(() -> new UserStore(file).users()).hasMessageContaining("line 2").hasMessageContaining("pbkdf2");
        Files.write(file, List.of("bob admin pbkdf2-sha512$210000$AAAA$AAAA"));
        assertThatThrownBy(() -> new UserStore(file).users()).hasMessageContaining("line 1").hasMessageContaining("unknown role");

        UserStore fresh = new UserStore(tmp.resolve("other.txt"));
        assertThatThrownBy(() -> fresh.put("carol", Role.OPERATOR, "short".toCharArray())).hasMessageContaining("8");
        assertThatThrownBy(() -> fresh.put("carol smith", Role.OPERATOR, "long enough".toCharArray())).hasMessageContaining("user name");
        assertThatThrownBy(fresh::users).hasMessageContaining("UsersMain add");
    }

    @Test
    void theCommandLineAddsAUserFromStandardInput(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("users.txt");
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("from-stdin-pw\n".getBytes()));
            int code = new picocli.CommandLine(new UsersMain())
                    .execute("add", "--file", file.toString(), "--role", "operator", "--password-stdin", "olga");
            assertThat(code).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(new UserStore(file).authenticate("olga", "from-stdin-pw".toCharArray())).contains(new User("olga", Role.OPERATOR));
    }
}
