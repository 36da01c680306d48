package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON Lines run-log reader as it was before its fast paths (issue 15): a String per line from a
 * {@link BufferedReader}, the general parser and a field map for every line. The oracle the fast reader must equal
 * ({@link JsonLinesFastPathProperties}).
 */
final class GeneralPathRunLogReader implements RunLogReader {
    private final ReadLimits limits;

    GeneralPathRunLogReader() {
        this(ReadLimits.DEFAULTS);
    }

    GeneralPathRunLogReader(ReadLimits limits) {
        this.limits = limits;
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
        try (LastCharReader tail = new LastCharReader(InputFiles.lineReader(file, limits));
             BufferedReader r = new BufferedReader(tail, 1 << 16)) {
            long lineNo = 0;
            String line = next(r, name, lineNo, run, mode);
            while (line != null) {
                lineNo++;
                // One line ahead, to know whether this is the last line and whether it was finished.
                String following = next(r, name, lineNo, run, mode);
                if (!line.isBlank()) {
                    Source src = new Source(name, lineNo);
                    try {
                        try {
                            mapper.map(new MapFields(parser.parseLine(line)), src);
                        } catch (StreamConstraintsException e) {
                            throw new InputException(src, limits.describe(e));
                        } catch (JsonProcessingException e) {
                            if (following == null && !tail.endsWithLineBreak()) {
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
            }
        }
        mapper.finish(name);
        if (!mapper.schemaSeen()) {
            run.problem(Problem.warning(new Source(name, 0), "no \"schema\" field; read as schema version "
                    + RunLogEventMapper.SCHEMA_VERSION));
        }
    }

    /**
     * The next line, or null at the end; a file that stops early (a cut gzip) is an error after line
     * {@code lineNo} when strict, and the end of what is read, with the error noted, when lenient.
     */
    private static String next(BufferedReader r, String name, long lineNo, RunBuilder run, LoadMode mode)
            throws InputException {
        try {
            return r.readLine();
        } catch (IOException e) {
            InputException cut = ReadFailures.truncated(name, lineNo, e);
            if (mode == LoadMode.STRICT) {
                throw cut;
            }
            run.problem(Problem.error(cut.source(), cut.detail() + "; the lines before it are kept"));
            return null;
        }
    }

    private static String firstLine(IOException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
