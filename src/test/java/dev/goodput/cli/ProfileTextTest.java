package dev.goodput.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `goodput profile` prints for people: no NaN where a trace has no GPU time, steps folded into ranges. */
class ProfileTextTest {
    @Test
    void aCpuOnlyTraceSaysThereIsNoGpuTimeInsteadOfNaN() {
        String out = CliRun.ok("profile",
                "src/test/resources/traces/hta/cpu_only__rank-34.Jul_15_10_52_41.1074.pt.trace.json.gz").out();
        assertFalse(out.contains("NaN"), out);
        assertTrue(out.contains("GPU time  n/a (no GPU kernels, copies or sets)"), out);
        assertTrue(out.contains("idle     n/a  compute     n/a"), out);
    }

    @Test
    void analysedStepsAreRanges() {
        String out = CliRun.ok("profile",
                "src/test/resources/traces/hta/nccl_parser_config__nccl_data.json.gz").out();
        assertTrue(out.contains("steps analysed 4, 5 (2 steps), mean step"), out);
    }
}
