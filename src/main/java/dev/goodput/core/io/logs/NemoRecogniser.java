package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/** NeMo / NeMo 2 (Lightning) records (not written yet: recognises nothing). */
final class NemoRecogniser implements LineRecogniser {
    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        return false;
    }
}
