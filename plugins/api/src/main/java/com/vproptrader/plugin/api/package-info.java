/** The plugin SPI: extension points over protobuf messages, nothing else. */
package com.vproptrader.plugin.api;
