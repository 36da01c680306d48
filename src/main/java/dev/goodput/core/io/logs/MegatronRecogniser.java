package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/** Megatron-LM / Megatron-DeepSpeed records (not written yet: recognises nothing). */
final class MegatronRecogniser implements LineRecogniser {
    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        return false;
    }
}
