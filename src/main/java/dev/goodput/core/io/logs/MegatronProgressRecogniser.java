package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/** Megatron-LM progress.txt records (not written yet: recognises nothing). */
final class MegatronProgressRecogniser implements LineRecogniser {
    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        return false;
    }
}
