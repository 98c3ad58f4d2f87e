package com.vproptrader.ui.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Manages the UI's users file: {@code add} (or replace) a login, {@code remove} one, {@code list} them. The
 * password is read from the terminal without echo, or from standard input with {@code --password-stdin}
 * (first line), never from the command line.
 */
@Command(name = "vpt-ui-users", mixinStandardHelpOptions = true,
        subcommands = {UsersMain.Add.class, UsersMain.Remove.class, UsersMain.ListUsers.class},
        description = "Logins of the operator UI (PBKDF2-hashed users file).")
public final class UsersMain {

    @Option(names = "--file", defaultValue = "ui-users.txt", scope = CommandLine.ScopeType.INHERIT,
            description = "Users file (default: ${DEFAULT-VALUE}).")
    Path file;

    public static void main(String[] args) {
        System.exit(new CommandLine(new UsersMain()).execute(args));
    }

    @Command(name = "add", description = "Add a login, or replace its role and password.")
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        UsersMain parent;
        @Parameters(index = "0", description = "User name (journaled with each action).")
        String name;
        @Option(names = "--role", required = true, description = "viewer or operator.")
        String role;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Override
        public Integer call() throws Exception {
            char[] password = stdin ? readLine() : prompt(name);
            new UserStore(parent.file).put(name, Role.parse(role), password);
            java.util.Arrays.fill(password, '\0');
            System.out.println("saved " + name + " (" + Role.parse(role).label() + ") in " + parent.file);
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a login.")
    static final class Remove implements Callable<Integer> {
        @CommandLine.ParentCommand
        UsersMain parent;
        @Parameters(index = "0")
        String name;

        @Override
        public Integer call() throws Exception {
            boolean removed = new UserStore(parent.file).remove(name);
            System.out.println(removed ? "removed " + name : "no user " + name);
            return removed ? 0 : 1;
        }
    }

    @Command(name = "list", description = "Names and roles (never the hashes).")
    static final class ListUsers implements Callable<Integer> {
        @CommandLine.ParentCommand
        UsersMain parent;

        @Override
        public Integer call() throws Exception {
            new UserStore(parent.file).users().forEach((n, r) -> System.out.println(n + " " + r.label()));
            return 0;
        }
    }

    private static char[] readLine() throws java.io.IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("no password on standard input");
        }
        return line.toCharArray();
    }

    private static char[] prompt(String name) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask the password on: use --password-stdin");
        }
        char[] first = console.readPassword("password for %s: ", name);
        char[] again = console.readPassword("again: ");
        if (!java.util.Arrays.equals(first, again)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        return first;
    }
}
