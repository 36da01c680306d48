package dev.goodput.core.profile;

/** One accelerator as the trace describes it ({@code deviceProperties} in Kineto, TARGET_INFO_GPU in nsys). */
public record DeviceInfo(int id, String name, int computeMajor, int computeMinor, int multiprocessors,
                         long memoryBytes) {
}
