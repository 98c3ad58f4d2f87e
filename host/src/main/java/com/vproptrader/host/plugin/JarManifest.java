package com.vproptrader.host.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The PF4J entries of a plugin JAR's manifest, read before anything is loaded from it. */
record JarManifest(String pluginId, String version, String requires) {

    /** @throws RefusedException when the file is not a readable JAR or lacks Plugin-Id / Plugin-Version */
    static JarManifest read(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest mf = file.getManifest();
            if (mf == null) {
                throw new RefusedException("JAR has no META-INF/MANIFEST.MF");
            }
            var attrs = mf.getMainAttributes();
            String id = attrs.getValue("Plugin-Id");
            String version = attrs.getValue("Plugin-Version");
            if (id == null || id.isBlank() || version == null || version.isBlank()) {
                throw new RefusedException("manifest lacks Plugin-Id or Plugin-Version");
            }
            String requires = attrs.getValue("Plugin-Requires");
            return new JarManifest(id.trim(), version.trim(), requires == null ? "*" : requires.trim());
        } catch (IOException | SecurityException e) {
            throw new RefusedException("not a readable JAR (" + e.getMessage() + ")");
        }
    }

    String label() {
        return pluginId + "@" + version;
    }
}
