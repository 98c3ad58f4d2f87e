package com.vproptrader.host.plugin;

/** Short, log-friendly text for a plugin's throwable: the exception and where the plugin threw it. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length == 0 ? t.toString() : t + " at " + trace[0];
    }
}
