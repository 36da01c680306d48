package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Window;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowPresetTest {
    @Test
    void wholeRunAndLast24HoursOfAMultiWeekRun() throws Exception {
        Derivation d = GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(
                List.of(Path.of("sample-runs/bloom-176b/run.jsonl"))), DerivationSettings.defaults());
        Window all = WindowPreset.wholeRun(d);
        assertEquals(d.window(), all);
        Window day = WindowPreset.last24Hours(d);
        assertEquals(all.endUs(), day.endUs());
        assertEquals(WindowPreset.DAY_US, day.durationUs());
    }

    @Test
    void parsesIsoTimesWithOffset() {
        assertEquals(1740993000L * 1_000_000L, WindowBar.parse("2025-03-03T09:10:00Z"));
        assertEquals(1740993000L * 1_000_000L, WindowBar.parse("2025-03-03T11:10:00+02:00"));
    }
}
