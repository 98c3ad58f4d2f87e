package com.vproptrader.host.plugin;

import com.vproptrader.plugin.api.PluginApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** Loads one staged plugin JAR into a fresh PF4J manager and checks it is fit to be called. */
final class VersionLoader {

    /**
     * @return the started version with its extensions bound, not yet serving
     * @throws RefusedException with the reason when the JAR cannot serve; nothing stays loaded then
     */
    LoadedVersion load(JarManifest manifest, Path stagedJar, Ledger.Entry entry) {
        var manager = new IsolatedManager(stagedJar.getParent());
        manager.setSystemVersion(PluginApi.VERSION); // so Plugin-Requires is enforced
        try {
            String id = manager.loadPlugin(stagedJar);
            PluginWrapper plugin = manager.getPlugin(id);
            if (plugin.getPluginState() == PluginState.DISABLED) {
                throw new RefusedException("Plugin-Requires '" + plugin.getDescriptor().getRequires()
                        + "' does not accept plugin API " + PluginApi.VERSION);
            }
            if (manager.startPlugin(id) != PluginState.STARTED) {
                Throwable why = plugin.getFailedException();
                throw new RefusedException("failed to start" + (why == null ? "" : ": " + why));
            }
            var version = new LoadedVersion(manifest, stagedJar, entry, manager);
            List<LoadedVersion.Bound> bounds = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                for (Object ext : manager.getExtensions(kind.type, id)) {
                    bounds.add(new LoadedVersion.Bound(version, kind, ext));
                }
            }
            if (bounds.isEmpty()) {
                throw new RefusedException("no @Extension of AlphaStrategy, SignalFilter or ModelScorer "
                        + "(is META-INF/extensions.idx in the JAR?)");
            }
            version.bind(bounds);
            return version;
        } catch (RefusedException e) {
            manager.unloadPlugins();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            manager.unloadPlugins();
            throw new RefusedException("failed to load: " + e);
        }
    }

    /**
     * A JarPluginManager whose plugins resolve classes application-first (APD): the contract types
     * (plugin API, protobuf messages) are always the host's, even if a plugin bundles its own copy, which
     * plugin-first loading turns into loader-constraint LinkageErrors (docs/plugin-host.md).
     */
    private static final class IsolatedManager extends JarPluginManager {
        IsolatedManager(Path root) {
            super(root);
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return new JarPluginLoader(this) {
                @Override
                protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                    return new PluginClassLoader(pluginManager, descriptor, VersionLoader.class.getClassLoader(),
                            ClassLoadingStrategy.APD);
                }
            };
        }
    }
}
