package com.vproptrader.host.govern.pack;

/** Whether the overall floor is fixed at initial − limit or follows a high-water mark. */
public enum MaxLossMode {
    STATIC,
    TRAILING
}
