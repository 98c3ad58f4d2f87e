package com.vproptrader.host.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin JAR inside a test: generates an alpha's source, compiles it against the test
 * classpath with javac (PF4J's annotation processor writes META-INF/extensions.idx), and jars it with
 * the PF4J manifest. Every version has the same class name, so isolation between versions is real.
 *
 * <p>The alpha answers BUY with reason "{@code <version> <tick time_msc>}"; on a tick of symbol
 * {@code POISON} it runs {@link #onPoison} instead, which is how tests make a version fail at run time
 * while it still passes the smoke call.
 */
public final class TestPluginJar {
    public static final String ID = "echo-alpha";

    private String id = ID;
    private String version = "1.0.0";
    private String requires = ">=1.0.0 & <2.0.0";
    private String onPoison = "";
    private String onEveryCall = "";
    private boolean extension = true;

    public static TestPluginJar version(String version) {
        var b = new TestPluginJar();
        b.version = version;
        return b;
    }

    /** Another plugin id than {@link #ID} (the same echo alpha under another name). */
    public TestPluginJar id(String pluginId) {
        id = pluginId;
        return this;
    }

    TestPluginJar requires(String expr) {
        requires = expr;
        return this;
    }

    /** Java statements run when the tick's symbol is POISON. */
    public TestPluginJar onPoison(String statements) {
        onPoison = statements;
        return this;
    }

    /** Java statements run first on every call, smoke calls included. */
    TestPluginJar onEveryCall(String statements) {
        onEveryCall = statements;
        return this;
    }

    TestPluginJar withoutExtension() {
        extension = false;
        return this;
    }

    public Path buildInto(Path workDir) throws IOException {
        Path dir = Files.createTempDirectory(workDir, "src-" + version + "-");
        Path src = dir.resolve("vpt/test/echo/EchoAlpha.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor", "-Xlint:-options", src.toString());
        if (rc != 0) {
            throw new IllegalStateException("test plugin did not compile: " + src);
        }
        Path jar = dir.resolve(id + "-" + version + ".jar");
        writeJar(classes, jar);
        return jar;
    }

    private String source() {
        return """
                package vpt.test.echo;

                import com.vproptrader.plugin.api.AlphaStrategy;
                import com.vproptrader.proto.AlphaInput;
                import com.vproptrader.proto.AlphaOutput;
                import com.vproptrader.proto.Side;

                %s
                public class EchoAlpha implements AlphaStrategy {
                    static final String VERSION = "%s";

                    @Override
                    public AlphaOutput evaluate(AlphaInput in) {
                        %s
                        if ("POISON".equals(in.getTick().getSymbol())) {
                            %s
                        }
                        return AlphaOutput.newBuilder().setDirection(Side.BUY).setStrength(0.5)
                                .setReason(VERSION + " " + in.getTick().getTimeMsc()).build();
                    }
                }
                """.formatted(extension ? "@org.pf4j.Extension" : "", version, onEveryCall, onPoison);
    }

    private void writeJar(Path classes, Path jar) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", version);
        a.putValue("Plugin-Requires", requires);
        a.putValue("Plugin-Provider", "test");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (extension && files.stream().noneMatch(p -> p.endsWith("META-INF/extensions.idx"))) {
            throw new IllegalStateException("PF4J's annotation processor wrote no extensions.idx");
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf)) {
            for (Path f : files) {
                jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jos.write(Files.readAllBytes(f));
                jos.closeEntry();
            }
        }
    }

    /** Bytes that are not a zip at all, named like a plugin. */
    static Path corrupt(Path workDir) throws IOException {
        Path jar = workDir.resolve("corrupt-src.jar");
        Files.write(jar, "PK\3\4 this is not really a zip".getBytes(StandardCharsets.US_ASCII));
        return jar;
    }
}
