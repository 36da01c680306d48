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

/** The bundled sample runs, each derived once (strictly, default settings) for all the tests (the 54-day run takes seconds). */
public final class SampleRuns {
    public static final String CLEAN = "sample-runs/clean-small/run.jsonl";
    public static final String BLOOM = "sample-runs/bloom-176b/run.jsonl";
    public static final String LLAMA = "sample-runs/llama3-54day-sim/run.jsonl.gz";
    public static final List<String> ALL = List.of(CLEAN, BLOOM, LLAMA);

    private static final Map<String, Derivation> DERIVED = new ConcurrentHashMap<>();

    private SampleRuns() {
    }

    public static Derivation derive(String file) {
        return DERIVED.computeIfAbsent(file, f -> {
            try {
                return GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(List.of(Path.of(f))),
                        DerivationSettings.defaults());
            } catch (Exception e) {
                throw new IllegalStateException("cannot derive the sample " + f, e);
            }
        });
    }
}
