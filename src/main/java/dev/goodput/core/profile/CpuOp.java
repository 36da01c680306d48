package dev.goodput.core.profile;

import java.util.List;

/**
 * A CPU-side operator ({@code cpu_op}) with the input shapes the profiler recorded; used to count model FLOPs at
 * the leaf GEMMs. The Kineto reader keeps an operator only if its shapes were recorded, and keeps the shapes only
 * of operators with a FLOP formula ({@link OpFlopCounter#hasFormula}): the others are empty.
 *
 * @param inputDims      one entry per input: its dimensions, or an empty array for a non-tensor input
 * @param inputTypes     one entry per input, e.g. "float", "c10::BFloat16" (may be empty)
 * @param concreteInputs one entry per input: the value of a non-tensor input as text ("[1, 1]", "False"),
 *                       "" for tensors (may be empty); convolutions need their stride and padding
 */
public record CpuOp(String name, long tid, long startNs, long endNs, List<long[]> inputDims, List<String> inputTypes,
                    List<String> concreteInputs, long externalId) {
    public CpuOp {
        inputDims = List.copyOf(inputDims);
        inputTypes = List.copyOf(inputTypes);
        concreteInputs = List.copyOf(concreteInputs);
    }

    /** An operator recorded without concrete inputs. */
    public CpuOp(String name, long tid, long startNs, long endNs, List<long[]> inputDims, List<String> inputTypes,
                 long externalId) {
        this(name, tid, startNs, endNs, inputDims, inputTypes, List.of(), externalId);
    }
}
