package dev.goodput.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Inputs the loading tests share: profiler traces from the test resources, named pipes and link loops. */
public final class TestInputs {
    /** Two ranks of one HTA sample run. */
    public static final Path RANK0 = Path.of("src/test/resources/traces/hta/trace_filter__sampled_rank-0.json.gz");
    public static final Path RANK1 = Path.of("src/test/resources/traces/hta/trace_filter__sampled_rank-1.json.gz");
    /** One H100 serving Qwen for 10 steps of 47 ms (6.006e12 FLOPs per step counted from its shapes). */
    public static final Path QWEN_H100 =
            Path.of("src/test/resources/traces/tracelens/h100__Qwen_Qwen1.5-0.5B-Chat__1016005.json.gz");

    private TestInputs() {
    }

    /** A named pipe made by mkfifo; the calling test is skipped where there is no mkfifo. */
    public static Path fifo(Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            assumeTrue(p.waitFor() == 0 && Files.exists(path), "mkfifo failed");
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
        }
        return path;
    }

    /** Two symbolic links pointing at each other; returns {@code a}. The calling test is skipped without links. */
    public static Path linkLoop(Path a, Path b) {
        try {
            Files.createSymbolicLink(a, b.getFileName());
            Files.createSymbolicLink(b, a.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        return a;
    }

    /**
     * A run log of ten 47 ms steps on one accelerator with no peak and no FLOPs (a profile gives both), the
     * {@link #QWEN_H100} trace's run.
     *
     * @param precisionField e.g. {@code "\"precision\":\"fp8\","}, or empty
     */
    public static Path qwenRunLog(Path file, String precisionField) throws IOException {
        StringBuilder sb = new StringBuilder("{\"schema\":1,\"event\":\"run\",\"name\":\"qwen\"," + precisionField
                + "\"accelerators\":1}\n{\"event\":\"job_start\",\"time\":0}\n");
        for (int i = 0; i < 10; i++) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "{\"event\":\"step\",\"step\":%d,\"start\":%.6f,\"end\":%.6f}%n",
                    i, i * 0.047151395, (i + 1) * 0.047151395));
        }
        sb.append("{\"event\":\"job_end\",\"time\":0.47151395,\"reason\":\"completed\"}\n");
        return Files.writeString(file, sb.toString());
    }
}
