package dev.goodput.app.attribution;

import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;

import java.util.HashMap;
import java.util.Map;

/**
 * The words of the input record that decided an interval, found by the interval's {@link Source}: a fault's
 * message or a phase's name, as rules see them. Other records (job starts and ends, steps, downtime) say nothing.
 * Indexed once per run.
 */
final class RecordMessages {
    private final Run run;
    private final Map<Source, String> messages = new HashMap<>();

    private RecordMessages(Run run) {
        this.run = run;
    }

    static RecordMessages of(Run run) {
        RecordMessages m = new RecordMessages(run);
        for (FaultEvent f : run.faults()) {
            m.index(f.source(), f.message());
        }
        for (Phase p : run.phases()) {
            m.index(p.source(), p.name());
        }
        return m;
    }

    /** Whether this index was made for {@code other}, so a rebuild after an edit can keep it. */
    boolean isFor(Run other) {
        return run == other;
    }

    private void index(Source s, String message) {
        // A source without a line (derived time, a run made in memory) names no single record.
        if (s != null && s.line() > 0 && message != null) {
            messages.putIfAbsent(s, message);
        }
    }

    /** What the record at {@code s} says; empty when it says nothing or there is no such record. */
    String of(Source s) {
        return s == null ? "" : messages.getOrDefault(s, "");
    }
}
