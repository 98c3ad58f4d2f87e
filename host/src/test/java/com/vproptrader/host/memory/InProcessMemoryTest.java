package com.vproptrader.host.memory;

/** The contract on the default, in-process backend. */
class InProcessMemoryTest extends ShortTermMemoryContract {
    @Override
    ShortTermMemory open(int capacity) {
        return new InProcessMemory(capacity);
    }
}
