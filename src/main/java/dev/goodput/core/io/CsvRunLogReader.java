package dev.goodput.core.io;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the canonical run log in CSV form: a header row naming the same fields as the JSON Lines form,
 * one event per row; empty cells are absent fields.
 */
public final class CsvRunLogReader implements RunLogReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setAllowMissingColumnNames(true).build();

    @Override
    public void read(Path file, RunBuilder run, LoadMode mode) throws IOException, InputException {
        String name = file.toString();
        RunLogEventMapper mapper = new RunLogEventMapper(run);
        try (BufferedReader r = InputFiles.reader(file); CSVParser csv = FORMAT.parse(r)) {
            if (!csv.getHeaderMap().containsKey("event")) {
                throw new InputException(new Source(name, 1), "expected a header row with an \"event\" column");
            }
            var it = csv.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException e) {
                    InputException bad = e.getCause() instanceof java.io.EOFException
                            || e.getCause() instanceof java.util.zip.ZipException
                            ? ReadFailures.truncated(name, csv.getCurrentLineNumber(), e.getCause())
                            : new InputException(new Source(name, csv.getCurrentLineNumber() + 1),
                                    "expected well-formed CSV (" + e.getCause().getMessage() + ")");
                    if (mode == LoadMode.STRICT) {
                        throw bad;
                    }
                    run.problem(Problem.error(bad.source(), bad.detail() + "; the rows before it are kept"));
                    break;
                }
                Source src = new Source(name, rec.getParser().getCurrentLineNumber());
                Map<String, String> fields = new LinkedHashMap<>();
                rec.toMap().forEach((k, v) -> {
                    if (k != null && !k.isEmpty()) {
                        fields.put(k, v);
                    }
                });
                try {
                    mapper.map(new MapFields(fields), src);
                } catch (InputException e) {
                    if (mode == LoadMode.STRICT) {
                        throw e;
                    }
                    run.problem(Problem.error(src, e.detail() + "; row skipped"));
                }
            }
        } catch (CSVException e) {
            // Thrown while parsing the header row, before any record (found by fuzzing): bad content, not a failed read.
            throw new InputException(new Source(name, 1), "expected a well-formed CSV header row (" + e.getMessage()
                    + ")", e);
        }
        if (!mapper.schemaSeen()) {
            run.problem(Problem.warning(new Source(name, 0), "no \"schema\" column; read as schema version "
                    + RunLogEventMapper.SCHEMA_VERSION));
        }
    }
}
