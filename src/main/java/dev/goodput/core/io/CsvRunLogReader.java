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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the canonical run log in CSV form: a header row naming the same fields as the JSON Lines form,
 * one event per row; empty cells are absent fields.
 */
public final class CsvRunLogReader implements RunLogReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setAllowMissingColumnNames(true).build();
    private static final Pattern QUOTE_OPENED = Pattern.compile("\\(startline (\\d+)\\) EOF reached before "
            + "encapsulated token finished");
    private static final Pattern BAD_CHARACTER = Pattern.compile("Invalid character between encapsulated token and "
            + "delimiter at line: (\\d+)");

    private final ReadLimits limits;

    public CsvRunLogReader() {
        this(ReadLimits.DEFAULTS);
    }

    public CsvRunLogReader(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(Path file, RunBuilder run, LoadMode mode) throws IOException, InputException {
        String name = file.toString();
        RunLogEventMapper mapper = new RunLogEventMapper(run, limits, e -> {
            if (mode == LoadMode.STRICT) {
                throw e;
            }
            run.problem(Problem.error(e.source(), e.detail() + "; row skipped"));
        });
        try (BufferedReader r = InputFiles.lineReader(file, limits); CSVParser csv = FORMAT.parse(r)) {
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
                            || e.getCause() instanceof ReadLimitException
                            ? ReadFailures.truncated(name, csv.getCurrentLineNumber(), e.getCause())
                            : malformed(name, csv.getCurrentLineNumber(), e.getCause());
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
        mapper.finish(name);
        if (!mapper.schemaSeen()) {
            run.problem(Problem.warning(new Source(name, 0), "no \"schema\" column; read as schema version "
                    + RunLogEventMapper.SCHEMA_VERSION));
        }
    }

    /**
     * Commons CSV's failure in the contract's words, blamed on the line where the problem is: an unterminated
     * quote on the line where it opened (not the end of the file, where the parser noticed), a character after a
     * closing quote on its own line.
     */
    private static InputException malformed(String name, long linesRead, IOException e) {
        String m = String.valueOf(e.getMessage());
        Matcher open = QUOTE_OPENED.matcher(m);
        if (open.find()) {
            return new InputException(new Source(name, Long.parseLong(open.group(1))), "expected a closing quote "
                    + "(\") for the field opened on this line; the file ends inside it");
        }
        Matcher bad = BAD_CHARACTER.matcher(m);
        if (bad.find()) {
            return new InputException(new Source(name, Long.parseLong(bad.group(1))), "expected a delimiter (,) "
                    + "or the end of the line after a closing quote (a quote inside a quoted field is written \"\")");
        }
        return new InputException(new Source(name, linesRead + 1), "expected well-formed CSV (" + m + ")");
    }
}
