package dev.goodput.core.io;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kubernetes exports opened with a run's other files: each is an input, all are merged into one source. */
class KubernetesLoadTest {
    static final Path LOGS = Path.of("src/test/resources/logs");
    static final Path KUBE = LOGS.resolve("handmade/kubernetes");

    @TempDir
    Path dir;

    /**
     * MaxText's step lines carry glog times without a year (lines 59–63 of a real stderr, the lines before them with
     * full dates left out), placed by the run's other dated times: the Kubernetes source's scheduler jobs are placed
     * with the rest (they have full dates and stay as they are).
     */
    @Test
    void besideALogWithYearlessTimes() throws Exception {
        List<String> lines = Files.readAllLines(LOGS.resolve("maxtext__dpo_qwen3_demo_v5p-8__train_stderr.log"));
        Path glog = Files.write(dir.resolve("maxtext_steps.log"), lines.subList(58, 63));
        List<Path> files = List.of(glog, KUBE.resolve("kubectl_pods_llama-ft_1230.json"),
                KUBE.resolve("kubectl_events_1230.json"));
        Run run = new RunLoader(LoadMode.STRICT).load(files);
        assertEquals(files.stream().map(Path::toString).toList(), run.inputFiles());
    }

    /** Lenient: a broken export is an error of the load, the good ones are read. */
    @Test
    void aBrokenExportBesideGoodOnes() throws Exception {
        Path broken = Files.writeString(dir.resolve("events-1400.json"), "{\"apiVersion\": \"v1\", \"items\": [\n"
                + "{\"kind\": \"Event\", \"involvedObject\": {\"kind\": \"Pod\", \"name\": \"w\"}, \"reason\": \"Started\", "
                + "\"count\": 1}\n], \"kind\": \"List\"}\n");
        List<Path> files = List.of(KUBE.resolve("kubectl_events_1230.json"), broken,
                KUBE.resolve("kubectl_events_1315.json"));
        InputException e = assertThrows(InputException.class, () -> new RunLoader(LoadMode.STRICT).load(files));
        assertEquals(broken + ":2: expected a time in the Event (\"eventTime\", \"firstTimestamp\" or "
                + "\"lastTimestamp\")", e.getMessage());

        Run run = new RunLoader(LoadMode.LENIENT).load(files);
        assertEquals(3, run.inputFiles().size());
        assertTrue(run.problems().contains(Problem.warning(e.source(), e.detail() + "; record skipped")),
                run.problems().toString());
    }
}
