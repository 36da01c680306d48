package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `goodput report` with a profiler trace beside the run log takes the model layer from the profile. */
class ReportWithProfileTest {
    private static final String TRACE = "src/test/resources/traces/tracelens/h100__Qwen_Qwen1.5-0.5B-Chat__1016005.json.gz";

    @TempDir
    Path dir;

    @Test
    void theProfileGivesTheModelLayerAndItsCauses() throws Exception {
        // One H100 serving Qwen for 10 steps of 47 ms; the run log knows no FLOPs and no peak, so the profile
        // counts FLOPs from its shapes and looks the peak up: MFU = 6.006e12 / (0.047151395 s x 989.4e12).
        Path log = dir.resolve("run.jsonl");
        StringBuilder sb = new StringBuilder("{\"schema\":1,\"event\":\"run\",\"name\":\"qwen\",\"accelerators\":1}\n"
                + "{\"event\":\"job_start\",\"time\":0}\n");
        for (int i = 0; i < 10; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "{\"event\":\"step\",\"step\":%d,\"start\":%.6f,\"end\":%.6f}%n",
                    i, i * 0.047151395, (i + 1) * 0.047151395));
        }
        sb.append("{\"event\":\"job_end\",\"time\":0.47151395,\"reason\":\"completed\"}\n");
        Files.writeString(log, sb.toString());
        JsonNode j = CliRun.ok("report", log.toString(), TRACE, "--format", "json").json();
        double mfu = 6_006_026_832_832.0 / (0.047151395 * 989.4e12);
        assertEquals(mfu, j.get("goodput").get("model").asDouble(), 1e-9);
        assertTrue(j.get("mfu").get("convention").asText().startsWith("profile"), j.get("mfu").toString());
        assertEquals("profile", j.get("mfu").get("source").asText());
        double modelLoss = 0;
        int modelCauses = 0;
        for (JsonNode b : j.get("badput")) {
            if (b.get("layer").asText().equals("model")) {
                modelLoss += b.get("seconds").asDouble();
                modelCauses++;
            }
        }
        assertEquals(4, modelCauses);
        assertEquals(j.get("productive_seconds").asDouble() * (1 - mfu), modelLoss, 1e-9);
        JsonNode last = j.get("waterfall").get(j.get("waterfall").size() - 1);
        assertEquals(j.get("goodput").get("overall").asDouble(), last.get("remaining").asDouble(), 1e-12);
    }

    @Test
    void profileJsonHasTheDocumentedFields() throws Exception {
        JsonNode j = CliRun.ok("profile", TRACE, "--format", "json").json();
        assertEquals("goodput-profile/1", j.get("schema").asText());
        JsonNode r = j.get("ranks").get(0);
        for (String f : new String[]{"rank", "steps", "idle_us", "compute_us", "non_compute_us", "idle_pct",
                "compute_pct", "non_compute_pct", "comm_comp_overlap_pct", "kernel_types", "device", "mfu",
                "flops_per_step", "peak_flops", "precision", "convention"}) {
            assertTrue(r.has(f), "missing " + f);
        }
        assertEquals(6, r.get("steps").get(0).asInt());
        assertEquals(0.1287, r.get("mfu").asDouble(), 1e-4);
        assertEquals("NVIDIA H100 80GB HBM3", r.get("device").asText());
    }

    @Test
    void aFolderIsOneTracePerRankWithStragglersRanked() throws Exception {
        Path ranks = dir.resolve("ranks");
        Files.createDirectories(ranks);
        for (int r = 0; r < 2; r++) {
            String name = "trace_filter__sampled_rank-" + r + ".json.gz";
            Files.copy(Path.of("src/test/resources/traces/hta", name), ranks.resolve(name));
        }
        JsonNode j = CliRun.ok("profile", ranks.toString(), "--format", "json").json();
        assertEquals(2, j.get("ranks").size());
        assertEquals(0, j.get("ranks").get(0).get("rank").asInt());
        assertEquals(1, j.get("ranks").get(1).get("rank").asInt());
        assertEquals(53.56, j.get("ranks").get(0).get("idle_pct").asDouble(), 0.1);
        assertEquals(2, j.get("stragglers").get("by_step_time").size());
        assertEquals(7, j.get("kernel_type_table").size());
    }
}
