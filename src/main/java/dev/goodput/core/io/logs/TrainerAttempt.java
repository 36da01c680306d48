package dev.goodput.core.io.logs;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Source;

import java.util.List;

/**
 * A job attempt as the trainer's logs show it: from its first activity to its last line, before a scheduler job (when
 * its records were given) replaces these times with its allocation's ({@link JobMatcher}).
 *
 * @param source    where it was found to start
 * @param why       how it was found ({@link dev.goodput.core.model.JobAttempt#why()})
 * @param endSource its last line (for saying which file's clock disagrees with the scheduler's)
 * @param reason    how its log says it ended, or null when it does not say
 * @param faults    the faults logged in it, as written to the run
 */
record TrainerAttempt(long startUs, Source source, String why, long endUs, Source endSource, EndReason reason,
                      List<FaultEvent> faults) {
    TrainerAttempt {
        faults = List.copyOf(faults);
    }
}
