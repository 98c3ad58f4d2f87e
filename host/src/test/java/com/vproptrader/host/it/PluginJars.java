package com.vproptrader.host.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real plugin JARs built by the reactor before the host (plugins/*). They are never put on the test
 * classpath (PF4J would then see their extensions as system extensions); tests copy them into a folder.
 */
public final class PluginJars {
    private static final java.util.Set<String> NOT_PLUGINS = java.util.Set.of("api", "model-onnx");

    private PluginJars() {
    }

    /**
     * Copies every plugin module's JAR (plugins/* but the API and the model template, which holds no model
     * until the learning loop packs one) into {@code folder} and returns it.
     */
    public static Path installAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> modules = Files.list(Path.of("..", "plugins"))) {
            for (Path module : modules.filter(m -> !NOT_PLUGINS.contains(m.getFileName().toString())).sorted().toList()) {
                String name = module.getFileName().toString();
                Files.copy(jar(name), folder.resolve(name + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    /** The newest built JAR of the plugin module {@code plugins/<module>}. */
    public static Path jar(String module) {
        Path dir = Path.of("..", "plugins", module);
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(p -> p.getParent().getFileName().toString().startsWith("target"))
                    .filter(p -> p.getFileName().toString().startsWith(module) && p.toString().endsWith(".jar"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("build " + dir + " first (mvn install)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
