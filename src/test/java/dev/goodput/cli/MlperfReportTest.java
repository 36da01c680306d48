package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code goodput report} on the MLPerf v4.0 GPT-3 results (the numbers are worked out in MlperfEndToEndTest). */
class MlperfReportTest {
    private static final String DIR = "src/test/resources/logs/";

    private static double evaluation(JsonNode j) {
        double s = 0;
        for (JsonNode c : j.path("badput")) {
            if (c.path("cause").asText().equals("evaluation")) {
                s += c.path("seconds").asDouble();
            }
        }
        return s;
    }

    @Test
    void nvidia() throws Exception {
        JsonNode j = CliRun.ok("report", DIR + "mlperf_v4.0__NVIDIA__eos_n64_ngc24.04_nemo__gpt3__result_0.txt",
                "--format", "json").json();
        assertEquals(3438.517, j.path("window").path("seconds").asDouble(), 1e-6, j.toString());
        assertEquals(268.873, evaluation(j), 1e-6);
    }

    @Test
    void google() throws Exception {
        JsonNode j = CliRun.ok("report", DIR + "mlperf_v4.0__Google__cloud-tpu-v5p-1024-maxtext__gpt3__result_0.txt",
                "--format", "json").json();
        assertEquals(7006.684, j.path("window").path("seconds").asDouble(), 1e-6, j.toString());
        assertEquals(0, evaluation(j), 0);
    }
}
