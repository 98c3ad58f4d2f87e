package com.vproptrader.host.rpc;

import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.PluginUpload;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * An operator's plugin JAR, checked at the boundary and dropped into the plugin folder (or its shadow folder)
 * the way a person copying a file would: written beside it under a temporary name, then moved into place in
 * one step, so the folder watcher never sees half a JAR. Validation and loading are the plugin host's.
 */
final class PluginDrop {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}\\.jar");

    private PluginDrop() {
    }

    /** Where the JAR went, or a refusal naming the check that failed (nothing written then). */
    static OperatorReply drop(PluginHost plugins, PluginUpload upload) {
        String refused = check(upload);
        if (refused != null) {
            return OperatorReply.newBuilder().setAccepted(false).setRefusedBy(refused.substring(0, refused.indexOf(':')))
                    .setDetail(refused.substring(refused.indexOf(':') + 2)).build();
        }
        Path dir = upload.getShadow() ? plugins.pluginDir().resolve(PluginHost.SHADOW_FOLDER) : plugins.pluginDir();
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(upload.getFileName());
            Path tmp = dir.resolve("." + upload.getFileName() + ".upload");
            Files.write(tmp, upload.getJar().toByteArray());
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return OperatorReply.newBuilder().setAccepted(false).setRefusedBy("WRITE_FAILED").setDetail(e.toString()).build();
        }
        return OperatorReply.newBuilder().setAccepted(true).setDetail("UPLOAD " + upload.getFileName()
                + (upload.getShadow() ? " as shadow" : "") + " by " + upload.getOperator() + ": " + upload.getReason()
                + " (the plugin host validates and loads it; see the plugin list)").build();
    }

    /** "CODE: why" when the upload cannot be dropped; null when it can. */
    static String check(PluginUpload u) {
        if (u.getOperator().isBlank()) {
            return "MISSING_OPERATOR: who uploads is required";
        }
        if (u.getReason().isBlank()) {
            return "MISSING_REASON: why is required (journaled)";
        }
        if (!NAME.matcher(u.getFileName()).matches()) {
            return "BAD_FILE_NAME: letters, digits, . _ - and ending in .jar, no folders: " + u.getFileName();
        }
        byte[] head = u.getJar().substring(0, Math.min(4, u.getJar().size())).toByteArray();
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            return "NOT_A_JAR: the bytes are not a zip file";
        }
        return null;
    }
}
