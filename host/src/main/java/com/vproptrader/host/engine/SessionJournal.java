package com.vproptrader.host.engine;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.SessionRecord;

import java.util.List;

/**
 * The journal's session records: what the decisions read besides the events (the config, the rule pack by
 * content, the plugin versions serving), written at each hello and whenever the serving versions change.
 */
final class SessionJournal {
    private final Journal journal;
    private final HostConfig config;
    private final String rulePack;
    private final String rulePackSha256;
    /** The plugin set the journal's last session record names. */
    private PluginSet journaledPlugins;
    private List<String> journaledLabels = List.of();

    SessionJournal(Journal journal, HostConfig config, String rulePack, String rulePackSha256) {
        this.journal = journal;
        this.config = config;
        this.rulePack = rulePack;
        this.rulePackSha256 = rulePackSha256;
    }

    /** What the decisions read besides the events: the config and the plugin versions serving from now on. */
    void journal(PluginSet set, long serverTimeMsc) {
        journaledPlugins = set;
        journaledLabels = set.labels();
        journal.append(serverTimeMsc, "", JournalRecord.newBuilder().setSession(SessionRecord.newBuilder()
                .setRulePack(rulePack).setRulePackSha256(rulePackSha256)
                .setSignalTtlMs(config.signalTtl().toMillis()).setMinAlphaStrength(config.minAlphaStrength())
                .setHistoryLength(config.historyLength()).setSpreadCapPoints(config.spreadCapPoints())
                .setMacroConfigSha256(AccountEngine.macroSha256(config))
                .addAllPlugins(journaledLabels)).build());
    }

    /** A new plugin set (a swap, a quarantine) is journaled when its versions differ from the last journaled. */
    void journalIfChanged(PluginSet set, long serverTimeMsc) {
        if (set == journaledPlugins) {
            return;
        }
        if (set.labels().equals(journaledLabels)) {
            journaledPlugins = set;
        } else {
            journal(set, serverTimeMsc);
        }
    }
}
