package dev.goodput.core.profile;

/** What a GPU activity record is. */
public enum GpuEventKind {
    KERNEL, MEMCPY, MEMSET
}
