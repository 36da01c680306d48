package dev.goodput.core.io;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads one run from any number of files, detecting each file's format from its content. Files are only
 * read, never written.
 */
public final class RunLoader {
    private final LoadMode mode;

    public RunLoader(LoadMode mode) {
        this.mode = mode;
    }

    /** @throws InputException in STRICT mode at the first bad record; in LENIENT mode only if no file is readable */
    public Run load(List<Path> files) throws InputException {
        RunBuilder run = new RunBuilder();
        int loaded = 0;
        InputException firstFailure = null;
        for (Path file : files) {
            try {
                readOne(file, run);
                run.inputFile(file.toString());
                loaded++;
            } catch (InputException e) {
                if (mode == LoadMode.STRICT) {
                    throw e;
                }
                firstFailure = firstFailure == null ? e : firstFailure;
                run.problem(Problem.error(e.source(), e.detail()));
            }
        }
        if (loaded == 0 && firstFailure != null) {
            throw firstFailure;
        }
        if (!run.hasMetadata() && !files.isEmpty()) {
            String name = files.get(0).getFileName().toString().replaceAll("\\.(jsonl|json|csv|ndjson)(\\.gz)?$", "");
            run.metadata(run.metadata().withName(name), Source.DERIVED);
        }
        return run.build();
    }

    private void readOne(Path file, RunBuilder run) throws InputException {
        Source whole = new Source(file.toString(), 0);
        try {
            if (!Files.isRegularFile(file)) {
                throw new InputException(whole, Files.exists(file) ? "expected a file, found a directory"
                        : "file not found");
            }
            InputFormat format = detect(file);
            RunLogReader reader = switch (format) {
                case RUN_LOG_JSONL -> new JsonLinesRunLogReader();
                case RUN_LOG_CSV -> new CsvRunLogReader();
                case ML_GOODPUT -> new MlGoodputReader();
            };
            reader.read(file, run, mode);
        } catch (NoSuchFileException e) {
            throw new InputException(whole, "file not found");
        } catch (IOException e) {
            throw new InputException(whole, "could not read the file (" + ReadFailures.describe(e) + ")", e);
        }
    }

    /** Chooses a reader by content; the extension only breaks ties. */
    public static InputFormat detect(Path file) throws IOException, InputException {
        String head = InputFiles.head(file, 4096);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (head.startsWith("[") || head.startsWith("{") && !firstLine(head).contains("\"event\"")
                && looksLikeMlGoodput(head)) {
            return InputFormat.ML_GOODPUT;
        }
        if (head.startsWith("{")) {
            return InputFormat.RUN_LOG_JSONL;
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz") || firstLine(head).contains("event")) {
            return InputFormat.RUN_LOG_CSV;
        }
        throw new InputException(new Source(file.toString(), 1), "expected a run log (JSON Lines or CSV with an "
                + "\"event\" column) or ml-goodput-measurement entries (JSON)");
    }

    private static boolean looksLikeMlGoodput(String head) {
        return head.contains("\"entries\"") || head.contains("job_start_time") || head.contains("step_start_time")
                || head.contains("jsonPayload") || head.contains("job_end_time") || head.contains("tpu_init_")
                || head.contains("training_prep_") || head.contains("custom_badput_event");
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
