package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/** Node logs: kernel and driver lines (not written yet: recognises nothing). */
final class NodeLogRecogniser implements LineRecogniser {
    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        return false;
    }
}
