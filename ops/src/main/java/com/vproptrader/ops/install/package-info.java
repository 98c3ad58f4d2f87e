/** The installed system: its one config file, generated from the processes' own command lines. */
package com.vproptrader.ops.install;
