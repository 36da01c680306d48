package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/** torchrun / torch.distributed.elastic / ft_launcher records (not written yet: recognises nothing). */
final class TorchElasticRecogniser implements LineRecogniser {
    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        return false;
    }
}
