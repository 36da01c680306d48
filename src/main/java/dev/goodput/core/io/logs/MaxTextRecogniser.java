package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/** MaxText records (not written yet: recognises nothing). */
final class MaxTextRecogniser implements LineRecogniser {
    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        return false;
    }
}
