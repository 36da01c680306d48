package dev.goodput.core.io;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the canonical run log in JSON Lines form: one object per line, blank lines skipped. */
public final class JsonLinesRunLogReader implements RunLogReader {
    @Override
    public void read(Path file, RunBuilder run, LoadMode mode) throws IOException, InputException {
        String name = file.toString();
        RunLogEventMapper mapper = new RunLogEventMapper(run, e -> {
            if (mode == LoadMode.STRICT) {
                throw e;
            }
            run.problem(Problem.error(e.source(), e.detail() + "; line skipped"));
        });
        FlatJsonObjectParser parser = new FlatJsonObjectParser();
        try (BufferedReader r = InputFiles.reader(file)) {
            long lineNo = 0;
            while (true) {
                String line;
                try {
                    line = r.readLine();
                } catch (IOException e) {
                    InputException cut = ReadFailures.truncated(name, lineNo, e);
                    if (mode == LoadMode.STRICT) {
                        throw cut;
                    }
                    run.problem(Problem.error(cut.source(), cut.detail() + "; the lines before it are kept"));
                    break;
                }
                if (line == null) {
                    break;
                }
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Source src = new Source(name, lineNo);
                try {
                    try {
                        mapper.map(new MapFields(parser.parseLine(line)), src);
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
        }
        mapper.finish(name);
        if (!mapper.schemaSeen()) {
            run.problem(Problem.warning(new Source(name, 0), "no \"schema\" field; read as schema version "
                    + RunLogEventMapper.SCHEMA_VERSION));
        }
    }

    private static String firstLine(IOException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
