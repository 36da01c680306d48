package dev.goodput.testing;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs with a root fault and its cascades, for the views of faults (src/test/resources/logs, NOTICE.md): torchtitan's
 * run285 (a real log: an NCCL watchdog, then torchrun's teardown), and the hand-computed three SLURM jobs (a node
 * failure, an NCCL hang whose job then FAILED, a completion). Each derived once, strictly, with default settings.
 */
public final class FaultRuns {
    private static final Path LOGS = Path.of("src/test/resources/logs");
    public static final Path RUN285_LOG = LOGS.resolve(
            "torchtitan__qwen3_14b_8xb200__run285_nccl_watchdog_timeout_failed.log");
    public static final List<Path> SLURM_3_JOBS = List.of(LOGS.resolve("handmade/sacct_2001-2003.txt"),
            LOGS.resolve("handmade/slurm-2001.out"), LOGS.resolve("handmade/slurm-2002.out"),
            LOGS.resolve("handmade/slurm-2003.out"));

    private static final Map<List<Path>, Derivation> DERIVED = new ConcurrentHashMap<>();

    private FaultRuns() {
    }

    public static Derivation run285() {
        return derive(List.of(RUN285_LOG));
    }

    public static Derivation slurm3Jobs() {
        return derive(SLURM_3_JOBS);
    }

    private static Derivation derive(List<Path> files) {
        return DERIVED.computeIfAbsent(files, f -> {
            try {
                return GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(f), DerivationSettings.defaults());
            } catch (Exception e) {
                throw new IllegalStateException("cannot derive " + f, e);
            }
        });
    }
}
