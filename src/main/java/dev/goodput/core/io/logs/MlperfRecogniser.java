package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/** MLPerf training (:::MLLOG) records (not written yet: recognises nothing). */
final class MlperfRecogniser implements LineRecogniser {
    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        return false;
    }
}
