package com.vproptrader.ops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example alert rules: valid for Prometheus, unit-tested with promtool, each with its runbook entry. */
class MonitoringRulesTest {
    private static final Path MONITORING = Path.of("monitoring").toAbsolutePath();

    @Test
    void promtoolAcceptsTheRules_andTheirUnitTestsPass() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
        assertThat(promtool("test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertHasARunbookEntryThatItsAnnotationNames() throws Exception {
        String rules = Files.readString(MONITORING.resolve("alerts.yml"));
        String runbook = Files.readString(Path.of("RUNBOOK.md"));
        List<String> alerts = Pattern.compile("- alert: (\\w+)").matcher(rules).results().map(m -> m.group(1)).toList();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
        for (String alert : alerts) {
            assertThat(runbook).as("runbook entry of " + alert).contains("\n### " + alert + "\n");
            assertThat(rules).contains("runbook: \"ops/RUNBOOK.md#" + alert.toLowerCase(Locale.ROOT) + "\"");
        }
    }

    private static String promtool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("promtool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(MONITORING.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
