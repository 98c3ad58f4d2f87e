package com.vproptrader.host.govern;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets a property's number of tries from {@code -Dgovern.paths=N} (default 2,000 for CI speed; the
 * Maven profile for the proof runs 100,000), optionally the seed from {@code -Dgovern.seed=S},
 * and prints the simulation's figures afterwards.
 */
public final class PathsFromSystemProperty implements AroundPropertyHook {
    static final int DEFAULT_PATHS = 2_000;

    static int paths() {
        return Integer.getInteger("govern.paths", DEFAULT_PATHS);
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.attributes().setTries(paths());
        // -Dgovern.seed=S runs another sample of paths (e.g. to split a long run across JVMs)
        String seed = System.getProperty("govern.seed");
        if (seed != null) {
            context.attributes().setSeed(seed);
        }
        PropertyExecutionResult result = property.execute();
        System.out.println(GovernedPathStats.GLOBAL.report());
        return result;
    }
}
