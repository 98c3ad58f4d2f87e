package com.vproptrader.ops.install;

import com.vproptrader.gateway.GatewayMain;
import com.vproptrader.host.app.HostMain;
import com.vproptrader.ui.UiMain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one config file of an installed system ({@code etc/vproptrader.conf}): every command-line option of the
 * host, the gateway and the UI as a {@code process.option=value} line holding its default, plus each process's
 * JVM options. {@code bin/vpt-run} turns a process's lines into its command line, so the file and the code
 * cannot disagree on a name: the keys are read off the commands themselves.
 *
 * <pre>
 *   java -cp "lib/*" com.vproptrader.ops.install.ConfigFile [--prefix DIR]   the config file (install.sh)
 *   java -cp "lib/*" com.vproptrader.ops.install.ConfigFile --markdown       the table of docs/config-reference.md
 *   java -cp "lib/*" com.vproptrader.ops.install.ConfigFile --update-doc docs/config-reference.md   rewrites it
 * </pre>
 */
public final class ConfigFile {
    /** A process the installed system runs, its command and main class. */
    public record Process(String name, Object command, String mainClass, String jvmOptions) {
    }

    /**
     * JVM options per process. Heaps from {@code ops/bench/rss.sh 10} (docs/config-reference.md): at the 10-minute
     * mark the live heap after a full GC was 34 MiB (host), 14 MiB (gateway), 18 MiB (UI); each limit leaves the
     * host room for what a demo does not exercise in 10 minutes (training, navigator paths). A heap that runs out
     * ends the process so systemd restarts it instead of leaving it thrashing. The host promotes what survives one
     * young collection ({@code MaxTenuringThreshold=1}): its long-lived state (sent orders, histories) was otherwise
     * copied up to 15 times, and its young pauses at one tick a millisecond halved (ops/bench/README.md).
     */
    public static List<Process> processes() {
        return List.of(
                new Process("host", new HostMain(), HostMain.class.getName(),
                        "-Xms128m -Xmx512m -XX:MaxTenuringThreshold=1 -XX:+ExitOnOutOfMemoryError"),
                new Process("gateway", new GatewayMain(), GatewayMain.class.getName(),
                        "-Xmx128m -XX:+ExitOnOutOfMemoryError"),
                new Process("ui", new UiMain(), UiMain.class.getName(),
                        "-Xmx256m -XX:+ExitOnOutOfMemoryError"));
    }

    /** One option of one process: key {@code process.option}, its default and what it does. */
    public record Entry(String key, String value, String codeDefault, String description) {
    }

    /** Every option of every process, in command order; with a prefix, the install layout's paths replace a few. */
    public static List<Entry> entries(String prefix) {
        Map<String, String> layout = prefix == null ? Map.of() : installLayout(prefix);
        List<Entry> out = new ArrayList<>();
        for (Process p : processes()) {
            out.add(new Entry("jvm." + p.name(), p.jvmOptions(), p.jvmOptions(), "JVM options of the " + p.name()));
            for (OptionSpec o : new CommandLine(p.command()).getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                String key = p.name() + "." + o.longestName().replaceFirst("^--", "");
                String codeDefault = codeDefault(o);
                out.add(new Entry(key, layout.getOrDefault(key, codeDefault), codeDefault, describe(o)));
            }
        }
        return out;
    }

    /** Where an installed system keeps its data; {@code %i} is the account login the host unit is started for. */
    static Map<String, String> installLayout(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("host.plugins", prefix + "/var/%i/plugins");
        m.put("host.journal", prefix + "/var/%i/journal.db");
        m.put("host.account", "%i");
        m.put("ui.users", prefix + "/etc/ui-users.txt");
        m.put("ui.audit", prefix + "/var/ui-audit.log");
        return m;
    }

    private static String codeDefault(OptionSpec o) {
        if (o.defaultValue() != null) {
            return o.defaultValue();
        }
        Object initial = o.initialValue();
        return initial == null ? "" : initial.toString();
    }

    private static String describe(OptionSpec o) {
        return String.join(" ", o.description()).replaceAll("\\s+", " ").replaceAll("\\s*\\.$", "").strip();
    }

    /** The config file's text. */
    public static String render(String prefix) {
        StringBuilder b = new StringBuilder("""
                # VPropTrader: every setting of the installed processes, each with its default.
                # bin/vpt-run PROCESS [ACCOUNT] turns the PROCESS.* lines into the command line (an empty value
                # passes nothing, true passes the flag alone); %i stands for the account. Lines in
                # etc/PROCESS-ACCOUNT.conf override these for one account. Reference: docs/config-reference.md.
                """);
        String section = "";
        for (Entry e : entries(prefix)) {
            String process = e.key().startsWith("jvm.") ? e.key().substring(4) : e.key().substring(0, e.key().indexOf('.'));
            if (!process.equals(section)) {
                section = process;
                b.append("\n# --- ").append(section).append(" ---\n");
            }
            b.append("# ").append(e.description());
            if (!e.value().equals(e.codeDefault())) {
                b.append(" (built-in default: ").append(e.codeDefault().isEmpty() ? "none" : e.codeDefault()).append(')');
            }
            b.append('\n').append(e.key()).append('=').append(e.value()).append('\n');
        }
        return b.toString();
    }

    /** The reference table: key, default, what it does. */
    public static String markdown() {
        StringBuilder b = new StringBuilder("| key | default | what |\n|---|---|---|\n");
        for (Entry e : entries(null)) {
            b.append(String.format(Locale.ROOT, "| `%s` | %s | %s |%n", e.key(),
                    e.codeDefault().isEmpty() ? "—" : "`" + e.codeDefault() + "`", e.description().replace("|", "\\|")));
        }
        return b.toString();
    }

    /** The heading after which the reference document holds the generated table, to the end of the file. */
    static final String TABLE_HEADING = "## Every key\n\n";

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 2 && args[0].equals("--update-doc")) {
            java.nio.file.Path doc = java.nio.file.Path.of(args[1]);
            String text = java.nio.file.Files.readString(doc);
            int at = text.indexOf(TABLE_HEADING);
            if (at < 0) {
                throw new IllegalArgumentException(doc + " has no '" + TABLE_HEADING.strip() + "' heading");
            }
            java.nio.file.Files.writeString(doc, text.substring(0, at + TABLE_HEADING.length()) + markdown());
        } else if (args.length == 1 && args[0].equals("--markdown")) {
            System.out.print(markdown());
        } else if (args.length == 2 && args[0].equals("--prefix")) {
            System.out.print(render(args[1]));
        } else if (args.length == 0) {
            System.out.print(render(null));
        } else {
            System.err.println("usage: ConfigFile [--prefix DIR | --markdown | --update-doc FILE]");
            System.exit(2);
        }
    }
}
