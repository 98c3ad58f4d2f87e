/**
 * The plugin host: loads PF4J plugin JARs from a folder, hot-swaps new versions between two events,
 * validates them (plugin API version, an extension of a known kind, a smoke call on canned input),
 * guards every call with a time budget, and quarantines what fails, restoring the version it replaced.
 *
 * <p>Public API: {@link com.vproptrader.host.plugin.PluginHost}, {@link com.vproptrader.host.plugin.PluginSet},
 * {@link com.vproptrader.host.plugin.PluginSlot}. Everything else is package-private. Design notes and
 * measured figures: {@code docs/plugin-host.md}.
 */
package com.vproptrader.host.plugin;
