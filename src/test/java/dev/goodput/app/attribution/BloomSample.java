package dev.goodput.app.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;

import java.nio.file.Path;
import java.util.List;

/** The BLOOM-176B sample (unattributed downtime and weekly GPU deaths) that this package's tests work on. */
final class BloomSample {
    static final String FILE = "sample-runs/bloom-176b/run.jsonl";

    private BloomSample() {
    }

    /** Loaded leniently and derived with the default settings, as the workbench opens it. */
    static Derivation derive() throws Exception {
        return GoodputDeriver.derive(new RunLoader(LoadMode.LENIENT).load(List.of(Path.of(FILE))),
                DerivationSettings.defaults());
    }
}
