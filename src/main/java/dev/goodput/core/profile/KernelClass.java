package dev.goodput.core.profile;

import java.util.regex.Pattern;

/**
 * Holistic Trace Analysis' kernel classes, by name, with HTA's own patterns (matched at the start of the
 * name, like Python's {@code re.match}) so the numbers agree: communication collectives, memory copies
 * and sets, computation, and OTHER for the few names HTA excludes from computation (syncs, waits).
 */
public enum KernelClass {
    COMPUTATION, COMMUNICATION, MEMORY, OTHER;

    private static final Pattern COMMUNICATION_NAME = Pattern.compile("(^nccl.*)|(^hip)|(^hccl)|(.*ncclKernel.*)");
    private static final Pattern MEMORY_NAME = Pattern.compile("(^(hip)?Memcpy)|(^(hip)?Memset)|(^dma)");
    private static final Pattern NOT_COMPUTATION = Pattern.compile("(^nccl)|(.*Memcpy)|(.*Memset)|(.*dma)|(^.*Sync)"
            + "|(^Stream Wait Event)|(cuda.*LaunchKernel)|(^runFunction)|(^hip)|(^job_exe)|(^packet)|(^pe_exe)"
            + "|(^cpum_exe_subgraph)|(^hccl)|(^collective_subgraph_execution)");

    public static KernelClass of(String name) {
        if (COMMUNICATION_NAME.matcher(name).lookingAt()) {
            return COMMUNICATION;
        }
        if (MEMORY_NAME.matcher(name).lookingAt()) {
            return MEMORY;
        }
        return NOT_COMPUTATION.matcher(name).lookingAt() ? OTHER : COMPUTATION;
    }
}
