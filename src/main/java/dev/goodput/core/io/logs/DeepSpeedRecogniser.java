package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/** DeepSpeed records (not written yet: recognises nothing). */
final class DeepSpeedRecogniser implements LineRecogniser {
    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        return false;
    }
}
