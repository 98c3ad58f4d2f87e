/** Operations: the demo launcher and benchmark harnesses. */
package com.vproptrader.ops;
