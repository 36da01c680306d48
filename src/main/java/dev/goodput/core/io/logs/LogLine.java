package dev.goodput.core.io.logs;

import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

/**
 * One line of a trainer log as the recognisers see it: the raw text, and what its prefixes said (the rank that
 * wrote it, when; {@link LinePrefix}). The reader reuses one instance per file, so a recogniser must copy what it
 * keeps.
 */
public final class LogLine {
    private String file;
    private long number;
    private String raw;
    private String text;
    private int rank = -1;
    private long timeUs = Times.UNKNOWN;
    private LogTime clock;

    void reset(String file, long number, String raw, LogTime clock) {
        this.file = file;
        this.number = number;
        this.raw = raw;
        this.text = raw;
        this.rank = -1;
        this.timeUs = Times.UNKNOWN;
        this.clock = clock;
    }

    void setText(String text) {
        this.text = text;
    }

    void setRank(int rank) {
        this.rank = rank;
    }

    void setTime(long timeUs) {
        this.timeUs = timeUs;
    }

    /** The line as read (without its line break). */
    public String raw() {
        return raw;
    }

    /** The line without ANSI colours, rank prefixes and the leading timestamp: what recognisers match. */
    public String text() {
        return text;
    }

    /** The rank a prefix such as {@code [default3]:} or {@code [rank3]:} names, or -1. */
    public int rank() {
        return rank;
    }

    /**
     * When the line's own timestamp prefix says it was written: epoch µs, a {@link LogTime#isYearless yearless}
     * value, or {@link Times#UNKNOWN}.
     */
    public long timeUs() {
        return timeUs;
    }

    /** Reads times written inside the line's text (e.g. Megatron's {@code datetime: 2023-07-16 14:05:15}). */
    public LogTime clock() {
        return clock;
    }

    public String file() {
        return file;
    }

    public long number() {
        return number;
    }

    public Source source() {
        return new Source(file, number);
    }
}
