package dev.goodput.core.attribution;

import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;

import java.util.HashMap;
import java.util.Map;

/**
 * What a rule sees of the input record that decided an interval (the interval's {@link Source}): the
 * record's message and the name of its file. Faults have messages and phases names; the other records
 * (job starts and ends, steps, checkpoints, downtime) say nothing, so only a rule's source pattern can
 * pick them. Records are found by their file and line, indexed once per run; a source without a line
 * (a run made in memory) names no single record and shows no message.
 */
final class RecordTexts {
    /** @param message the record's words, empty when it has none */
    record Text(String message, String fileName) {
    }

    private final Map<Source, String> messages = new HashMap<>();
    /** File name per path, so millions of records of one file cut its name once. */
    private final Map<String, String> fileNames = new HashMap<>();

    private RecordTexts() {
    }

    static RecordTexts of(Run run) {
        RecordTexts t = new RecordTexts();
        for (FaultEvent f : run.faults()) {
            t.index(f.source(), f.message());
        }
        for (Phase p : run.phases()) {
            t.index(p.source(), p.name());
        }
        return t;
    }

    private void index(Source s, String message) {
        if (s != null && s.line() > 0 && message != null) {
            messages.putIfAbsent(s, message); // one record per line; the first wins if a reader made two
        }
    }

    /** What the record at {@code s} says; null for derived time, which no record decided. */
    Text of(Source s) {
        if (s == null || s.equals(Source.DERIVED)) {
            return null;
        }
        return new Text(messages.getOrDefault(s, ""), fileNames.computeIfAbsent(s.file(), f -> s.fileName()));
    }

    /** The words of the record at {@code s}; empty when it says nothing, is derived, or there is no such record. */
    String message(Source s) {
        return s == null ? "" : messages.getOrDefault(s, "");
    }
}
