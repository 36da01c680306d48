package dev.goodput.core.profile;

import java.util.regex.Pattern;

/**
 * Holistic Trace Analysis' kernel classes, by name: communication (NCCL/RCCL/HCCL collectives),
 * memory (copies and sets), everything else computation. Same regexes as HTA, so numbers agree.
 */
public enum KernelClass {
    COMPUTATION, COMMUNICATION, MEMORY;

    private static final Pattern COMMUNICATION_NAME = Pattern.compile("^nccl.*|.*ncclKernel.*|^hccl.*|^rccl.*");
    private static final Pattern MEMORY_NAME = Pattern.compile("^(hip)?Memcpy.*|^(hip)?Memset.*|^dma.*");

    public static KernelClass of(String name) {
        if (COMMUNICATION_NAME.matcher(name).matches()) {
            return COMMUNICATION;
        }
        if (MEMORY_NAME.matcher(name).matches()) {
            return MEMORY;
        }
        return COMPUTATION;
    }
}
