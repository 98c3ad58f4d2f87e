package com.vproptrader.plugin.api;

/**
 * The version of this SPI. A plugin states the versions it works with in its manifest
 * ({@code Plugin-Requires: >=1.0.0 & <2.0.0}); the host refuses a plugin that does not accept it.
 */
public final class PluginApi {
    public static final String VERSION = "1.0.0";

    private PluginApi() {
    }
}
