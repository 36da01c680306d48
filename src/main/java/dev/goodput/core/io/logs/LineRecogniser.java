package dev.goodput.core.io.logs;

import java.util.function.Consumer;

/**
 * Recognises one format's records in a trainer log, line by line. A log mixes several sources (torchrun,
 * NCCL, slurmstepd, the trainer), so every line is offered to every format's recogniser until one takes it. One
 * instance reads one file (it may keep state across lines, e.g. a multi-line error block).
 *
 * <p>Most lines belong to no record: a recogniser must turn them down fast (an {@code indexOf} of a keyword
 * before anything else), since a log can have millions of lines.
 */
public interface LineRecogniser {
    /**
     * Reads {@code line} if it is one of this format's records, passing what it says to {@code out}.
     *
     * @return whether the line was this format's (then no other recogniser sees it)
     * @throws BadRecord when the line starts one of this format's records but cannot be read: the message says
     *                   what was expected ("expected a number after 'elapsed time per iteration (ms):'")
     */
    boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord;

    /** Called after the last line; a recogniser holding a multi-line record passes it on here. */
    default void finish(Consumer<TrainerEvent> out) {
    }
}
