/** Append-only, hash-chained decision journal in SQLite. */
package com.vproptrader.host.journal;
