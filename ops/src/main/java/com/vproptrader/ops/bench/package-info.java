/** JMH benchmarks of the host's hot paths; how to run them: ops/bench/README.md. */
package com.vproptrader.ops.bench;
