package dev.goodput.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `goodput profile --ns-rounding`: HTA's float64 rounding by default, the file's exact ns on request. */
class ProfileRoundingOptionTest {
    private static final String V100 =
            "src/test/resources/traces/hta/ns_resolution_trace__rank-0.Apr_03_18_51_38.1102.pt.trace.json.gz";

    @Test
    void roundsAsHtaByDefault() {
        String out = CliRun.ok("profile", V100).out();
        assertTrue(out.contains("idle 2.63%  compute 96.75%  non-compute 0.62%"), out);
    }

    @Test
    void exactKeepsTheFilesNanoseconds() {
        String out = CliRun.ok("profile", "--ns-rounding", "exact", V100).out();
        assertTrue(out.contains("idle 1.68%  compute 97.43%  non-compute 0.90%"), out);
    }

    @Test
    void anUnknownRoundingIsRefused() {
        CliRun r = CliRun.of("profile", "--ns-rounding", "float", V100);
        assertEquals(1, r.code());
        assertEquals("goodput: error: expected --ns-rounding hta or exact, found \"float\"\n", r.err());
    }
}
