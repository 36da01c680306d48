package dev.goodput.core.io.logs;

import dev.goodput.core.model.Problem;

import java.util.List;
import java.util.Map;

/**
 * What one trainer log said, in line order, before the files of a run are stitched together.
 *
 * @param file     the file as named to the loader
 * @param events   events in line order (progress events from one rank only)
 * @param formats  format id → records recognised, in the order first seen
 * @param lines    lines read
 * @param problems warnings (and, when lenient, errors) about the file's lines
 */
public record FileEvents(String file, List<TrainerEvent> events, Map<String, Long> formats, long lines,
                         List<Problem> problems) {
    public FileEvents {
        events = List.copyOf(events);
        formats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formats));
        problems = List.copyOf(problems);
    }
}
