package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the canonical run log in JSON Lines form: one object per line, blank lines skipped. A log still being
 * written is read to the end it has: a last line cut mid-record (no line break after it, not whole JSON) is left
 * out with a warning, in strict mode too, since the writer simply has not finished it.
 */
public final class JsonLinesRunLogReader implements RunLogReader {
    private final ReadLimits limits;
    private final long splitBytes;

    public JsonLinesRunLogReader() {
        this(ReadLimits.DEFAULTS);
    }

    public JsonLinesRunLogReader(ReadLimits limits) {
        this(limits, SecondHalfSteps.MIN_BYTES);
    }

    /** @param splitBytes files of this size or more have their second half's steps parsed on another thread */
    JsonLinesRunLogReader(ReadLimits limits, long splitBytes) {
        this.limits = limits;
        this.splitBytes = splitBytes;
    }

    @Override
    public void read(Path file, RunBuilder run, LoadMode mode) throws IOException, InputException {
        String name = file.toString();
        RunLogEventMapper mapper = new RunLogEventMapper(run, limits, e -> {
            if (mode == LoadMode.STRICT) {
                throw e;
            }
            run.problem(Problem.error(e.source(), e.detail() + "; line skipped"));
        });
        FlatJsonObjectParser parser = new FlatJsonObjectParser(limits);
        CanonicalStepLine steps = new CanonicalStepLine(limits.maxStringBytes());
        SecondHalfSteps ahead = SecondHalfSteps.start(file, limits, splitBytes);
        try (ByteLines lines = new ByteLines(InputFiles.open(file, limits), limits)) {
            long lineNo = 0;
            // Two slots: the line read and, one line ahead, the one after it (to know whether this is the last line).
            int slot = 0;
            int segments = -1; // of the second half's steps: -1 until joined
            int segment = 0;
            long awaited = ahead == null ? -1 : ahead.startOffset(); // the offset of the next hand-over
            boolean line = next(lines, slot, name, lineNo, run, mode);
            while (line) {
                if (ahead != null && lines.offset(slot) == awaited) {
                    if (segments < 0) {
                        segments = ahead.join();
                    }
                    if (segment == segments) {
                        ahead = null;
                    } else if (awaited == ahead.segmentStart(segment)) {
                        // this line and the segment's other steps were read on the other thread
                        int from = ahead.segmentFrom(segment);
                        int to = ahead.segmentTo(segment);
                        for (int i = from; i < to; i++) {
                            mapper.step(ahead.number(i), ahead.startUs(i), ahead.endUs(i), ahead.tokens(i), name,
                                    ++lineNo);
                        }
                        // The segment's first line is read here already (its line break counted): the others are skipped.
                        lines.skipTo(ahead.segmentStop(segment), to - from - 1);
                        segment++;
                        awaited = segment < segments ? ahead.segmentStart(segment) : -1;
                        line = next(lines, slot, name, lineNo, run, mode);
                        continue;
                    } else {
                        awaited = ahead.segmentStart(segment); // the middle line is read here
                    }
                }
                lineNo++;
                boolean following = next(lines, 1 - slot, name, lineNo, run, mode);
                byte[] b = lines.bytes();
                if (steps.parse(b, lines.start(slot), lines.end(slot))) {
                    mapper.step(steps.number(), steps.startUs(), steps.endUs(), steps.tokens(), name, lineNo);
                } else if (!lines.blank(slot)) {
                    Source src = new Source(name, lineNo);
                    try {
                        try {
                            mapper.map(new MapFields(parser.parseLine(lines.text(slot))), src);
                        } catch (StreamConstraintsException e) {
                            throw new InputException(src, limits.describe(e));
                        } catch (JsonProcessingException e) {
                            if (!following && !lines.endsWithLineBreak()) {
                                // A log still being written: its last record is not all there yet.
                                run.problem(Problem.warning(src, "expected the rest of the last line; the file ends "
                                        + "mid-record (still being written?), so it is left out"));
                                break;
                            }
                            throw new InputException(src, JsonSyntax.expectedInLine(e));
                        } catch (IOException e) {
                            throw new InputException(src, "expected one JSON object per line (" + firstLine(e) + ")");
                        }
                    } catch (InputException e) {
                        if (mode == LoadMode.STRICT) {
                            throw e;
                        }
                        run.problem(Problem.error(src, e.detail() + "; line skipped"));
                    }
                }
                line = following;
                slot = 1 - slot;
            }
        } finally {
            if (ahead != null) {
                ahead.cancel();
            }
        }
        mapper.finish(name);
        if (!mapper.schemaSeen()) {
            run.problem(Problem.warning(new Source(name, 0), "no \"schema\" field; read as schema version "
                    + RunLogEventMapper.SCHEMA_VERSION));
        }
    }

    /**
     * Reads the next line into {@code slot}; false at the end. A file that stops early (a cut gzip) is an error after
     * line {@code lineNo} when strict, and the end of what is read, with the error noted, when lenient.
     */
    private static boolean next(ByteLines lines, int slot, String name, long lineNo, RunBuilder run, LoadMode mode)
            throws InputException {
        try {
            return lines.read(slot);
        } catch (IOException e) {
            InputException cut = ReadFailures.truncated(name, lineNo, e);
            if (mode == LoadMode.STRICT) {
                throw cut;
            }
            run.problem(Problem.error(cut.source(), cut.detail() + "; the lines before it are kept"));
            return false;
        }
    }

    private static String firstLine(IOException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
