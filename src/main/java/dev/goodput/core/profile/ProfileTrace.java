package dev.goodput.core.profile;

import dev.goodput.core.model.Problem;

import java.util.List;

/**
 * One rank's profile as imported (Kineto JSON or Nsight Systems SQLite): immutable facts the analyzers
 * share. Times are trace nanoseconds (Kineto: {@code ts} × 1000, relative to {@code baseTimeNs}).
 *
 * @param rank      the rank from {@code distributedInfo}, or -1 when the trace does not say
 * @param worldSize ranks in the job, or 0 when unknown
 * @param format    "kineto" or "nsys"
 * @param fractionalTimestamps true when some {@code ts} had a fraction (ns precision): HTA then rounds
 *                  each start up and each end down to whole µs, and so do we to match it
 */
public record ProfileTrace(String file, String format, int rank, int worldSize, String backend, long baseTimeNs,
                           List<DeviceInfo> devices, GpuEvents gpu, RuntimeCalls runtime,
                           List<StepAnnotation> steps, List<CpuOp> cpuOps, boolean recordShapes,
                           boolean fractionalTimestamps, List<Problem> problems) {
    public ProfileTrace {
        devices = List.copyOf(devices);
        steps = List.copyOf(steps);
        cpuOps = List.copyOf(cpuOps);
        problems = List.copyOf(problems);
    }

    /** The CPU-side step annotations, in time order. */
    public List<StepAnnotation> cpuSteps() {
        return steps.stream().filter(s -> !s.onGpu()).sorted(java.util.Comparator.comparingLong(
                StepAnnotation::startNs)).toList();
    }

    /** The name of the first device, or null. */
    public String deviceName() {
        return devices.isEmpty() ? null : devices.get(0).name();
    }
}
