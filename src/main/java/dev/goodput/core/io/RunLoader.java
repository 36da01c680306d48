package dev.goodput.core.io;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goodput.core.io.kube.KubeRecords;
import dev.goodput.core.io.logs.FileEvents;
import dev.goodput.core.io.logs.HfTrainerStateReader;
import dev.goodput.core.io.logs.LinePattern;
import dev.goodput.core.io.logs.LogFormat;
import dev.goodput.core.io.logs.LogFormats;
import dev.goodput.core.io.logs.RunStitcher;
import dev.goodput.core.io.logs.TrainerLogReader;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads one run from any number of files, detecting each file's format from its content: the canonical run log,
 * ml-goodput-measurement entries and Hugging Face's trainer_state.json by the shape of their first JSON record;
 * kubectl's JSON of Pods and Events by its objects' {@code apiVersion} and {@code kind}; anything else as a trainer's
 * text log, read line by line by every format's recogniser. The Kubernetes exports of a load are merged into one
 * source ({@link KubeRecords}: events expire after about an hour, so a run's come in several exports). The trainer
 * logs of a run (one per job attempt, or one with several starts) and that source are then stitched into one run
 * ({@link RunStitcher}).
 * Files are only read, never written.
 */
public final class RunLoader {
    private final LoadOptions options;

    public RunLoader(LoadMode mode) {
        this(LoadOptions.of(mode));
    }

    public RunLoader(LoadOptions options) {
        this.options = options;
    }

    /** @throws InputException in STRICT mode at the first bad record; in LENIENT mode only if no file is readable */
    public Run load(List<Path> files) throws InputException {
        RunBuilder run = new RunBuilder();
        List<FileEvents> logs = new ArrayList<>();
        KubeRecords kube = new KubeRecords(options.mode(), options.limits());
        int loaded = 0;
        int stitched = 0;
        InputException firstFailure = null;
        for (Path file : files) {
            try {
                int exports = kube.exports();
                FileEvents events = readOne(file, run, kube);
                if (events != null) {
                    logs.add(events);
                }
                stitched += events != null || kube.exports() > exports ? 1 : 0;
                run.inputFile(file.toString());
                loaded++;
            } catch (InputException e) {
                if (options.mode() == LoadMode.STRICT) {
                    throw e;
                }
                firstFailure = firstFailure == null ? e : firstFailure;
                run.problem(Problem.error(e.source(), e.detail()));
            } catch (OutOfMemoryError e) {
                // Not skipped even when lenient: the run built so far holds the memory. Thrown out of the load, it
                // is garbage, so there is memory again to report this.
                throw outOfMemory(file);
            }
        }
        if (loaded == 0 && firstFailure != null) {
            throw firstFailure;
        }
        if (!kube.isEmpty()) {
            logs.add(kube.fileEvents());
        }
        if (!logs.isEmpty()) {
            try {
                RunStitcher.stitch(logs, run, options);
            } catch (InputException e) {
                if (options.mode() == LoadMode.STRICT || loaded == stitched) {
                    throw e;
                }
                run.problem(Problem.error(e.source(), e.detail()));
            }
        }
        if (!run.hasMetadata() && !files.isEmpty()) {
            String name = files.get(0).getFileName().toString()
                    .replaceAll("\\.(jsonl|json|csv|ndjson|log|txt|out)(\\.gz)?$", "");
            run.metadata(run.metadata().withName(name), Source.DERIVED);
        }
        Run built = run.build();
        if (!files.isEmpty() && built.firstEventUs() == Times.UNKNOWN) {
            // A header-only CSV, a run record alone: no time at all, which would otherwise be measured as a zero
            // window at 1970-01-01 with exit 0.
            throw new InputException(Source.ofFiles(files),
                    "expected at least one timed record (job_start, step, phase, downtime, fault or checkpoint); "
                            + "found none, so there is no time to measure" + said(built.problems()));
        }
        return built;
    }

    /** A file that needed more memory than there was: a message, never a stack trace. */
    private InputException outOfMemory(Path file) {
        return new InputException(new Source(file.toString(), 0), "out of memory reading the file; raise the heap "
                + "(java -Xmx, e.g. -Xmx8g) or lower " + Limit.STEPS.option() + " (now " + options.limits().maxSteps()
                + ")");
    }

    /** What the readers said while finding nothing timed (up to three), in parentheses; nothing when they said nothing. */
    private static String said(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        List<String> first = problems.stream().limit(3).map(Problem::message).toList();
        return " (" + String.join("; ", first) + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more"
                : "") + ")";
    }

    /**
     * Reads a file into the run, or, for a trainer log, returns its events for stitching; a Kubernetes export goes
     * into {@code kube}, to be merged with the load's others.
     */
    private FileEvents readOne(Path file, RunBuilder run, KubeRecords kube) throws InputException {
        Source whole = new Source(file.toString(), 0);
        try {
            RegularFile.check(file); // before the first read: a FIFO would block it
            // A file given its own line pattern is a text log, whatever its first line looks like.
            InputFormat format = options.formatId() != null || options.filePatterns().containsKey(file)
                    ? InputFormat.TRAINER_LOG : null;
            // An export's names after its entries are checked by the reader: detecting it reads no further.
            if (format == null && startsEntriesExport(file) && new MlGoodputReader(options.limits())
                    .readExport(file, run, options.mode(), RunLoader::redecides)) {
                return null;
            }
            format = format == null ? detect(file) : format;
            return switch (format) {
                case RUN_LOG_JSONL -> read(new JsonLinesRunLogReader(options.limits()), file, run);
                case RUN_LOG_CSV -> read(new CsvRunLogReader(options.limits()), file, run);
                case ML_GOODPUT -> read(new MlGoodputReader(options.limits()), file, run);
                case HF_TRAINER_STATE -> HfTrainerStateReader.read(file, options.startUs(), options.mode(),
                        options.limits());
                case KUBERNETES -> {
                    kube.read(file);
                    yield null;
                }
                case TRAINER_LOG -> new TrainerLogReader(formats(file), options.zoneOf(file), options.mode(),
                        options.limits()).read(file);
            };
        } catch (NoSuchFileException e) {
            throw new InputException(whole, "file not found");
        } catch (ReadLimitException | DamagedGzipException e) {
            long line = e instanceof ReadLimitException ? ((ReadLimitException) e).line() : 0;
            throw new InputException(new Source(file.toString(), line), e.getMessage(), e);
        } catch (StreamConstraintsException e) {
            throw new InputException(new Source(file.toString(), e.getLocation() == null ? 0
                    : e.getLocation().getLineNr()), options.limits().describe(e), e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException(whole, "expected a readable file; permission denied", e);
        } catch (IOException e) {
            throw new InputException(whole, "could not read the file (" + ReadFailures.describe(e) + ")", e);
        } catch (RuntimeException e) { // a reader's bug: say which file, keep its text off the error line
            throw new ReaderCrash(file, e);
        }
    }

    private FileEvents read(RunLogReader reader, Path file, RunBuilder run) throws IOException, InputException {
        reader.read(file, run, options.mode());
        return null;
    }

    /**
     * The formats a text log is read with, in the order they are tried: all, or the one {@code --log-format} names;
     * with a line pattern, the pattern form bound to it, first when it was given for this file (the user says what
     * the file is), last when given for all files (it then cannot take a trainer's own lines).
     */
    private List<LogFormat> formats(Path file) throws InputException {
        LinePattern pattern = options.linePatternOf(file);
        List<LogFormat> builtIn;
        if (options.formatId() == null) {
            builtIn = LogFormats.all().stream().filter(f -> !f.id().equals(LogFormats.PATTERN)).toList();
        } else {
            LogFormat f = LogFormats.byId(options.formatId());
            if (f == null) {
                throw new InputException(Source.DERIVED, "expected a format id (" + String.join(", ",
                        LogFormats.all().stream().map(LogFormat::id).toList()) + "), found \"" + options.formatId()
                        + "\"");
            }
            if (f.id().equals(LogFormats.PATTERN) && pattern == null) {
                throw new InputException(new Source(file.toString(), 0), "expected a --line-pattern for this file: "
                        + "--log-format pattern reads text logs by a line pattern alone");
            }
            builtIn = f.id().equals(LogFormats.PATTERN) ? List.of() : List.of(f);
        }
        if (pattern == null) {
            return builtIn;
        }
        List<LogFormat> out = new ArrayList<>(builtIn);
        out.add(options.filePatterns().containsKey(file) ? 0 : out.size(), LogFormats.pattern(pattern));
        return out;
    }

    /**
     * Chooses a reader by content. A JSON file is told apart by its first record's fields (kubectl's by its objects'
     * kind, refused naming it when they are neither Pods nor Events); a CSV run log by its
     * header's {@code event} column; anything else is a trainer log (the recognisers then find its records, or
     * refuse it naming what they read).
     */
    public static InputFormat detect(Path file) throws IOException, InputException {
        String head = InputFiles.head(file, 4096);
        if (head.startsWith("{") || startsJsonArray(head)) {
            // Each name tested below before ml-goodput's is one of OTHER_FORMAT_FIELDS.
            Set<String> fields = FirstRecord.fieldsOf(file);
            if (fields.contains("event")) {
                return InputFormat.RUN_LOG_JSONL;
            }
            if (fields.contains("log_history") && (fields.contains("global_step") || fields.contains("max_steps"))) {
                return InputFormat.HF_TRAINER_STATE;
            }
            if (fields.contains("kind") || fields.contains("items") || fields.contains("object")) {
                FirstRecord.Kube k = FirstRecord.kubernetes(file);
                if (k != null) {
                    if (k.podsOrEvents()) {
                        return InputFormat.KUBERNETES;
                    }
                    throw new InputException(new Source(file.toString(), 1), k.list()
                            ? "expected a kubectl List of Pods or Events, found items of kind " + k.kind()
                            : "expected a kubectl List of Pods or Events (or a Pod or an Event), found a " + k.kind());
                }
            }
            if (fields.stream().anyMatch(RunLoader::isMlGoodputField)) {
                return InputFormat.ML_GOODPUT;
            }
            throw new InputException(new Source(file.toString(), 1), "expected a run log (JSON Lines with an "
                    + "\"event\" field), ml-goodput-measurement entries, a Hugging Face trainer_state.json "
                    + "(\"log_history\"), or kubectl's JSON of Pods or Events; the first record has "
                    + (fields.isEmpty() ? "no fields" : "the fields " + String.join(", ",
                    fields.stream().limit(8).toList())));
        }
        String first = firstLine(head);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isCsvHeaderWithEvent(first) || name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return InputFormat.RUN_LOG_CSV;
        }
        return InputFormat.TRAINER_LOG;
    }

    /** Whether {@link #detect} would find ml-goodput entries by the names before a top-level "entries" array. */
    private static boolean startsEntriesExport(Path file) throws IOException {
        return InputFiles.head(file, 4096).startsWith("{")
                && FirstRecord.startsEntriesExport(file, RunLoader::redecides);
    }

    /**
     * The first-record names with which {@link #detect} looks at another format before ml-goodput's: a format added
     * there adds its names here, or an export naming it after its entries would be read as ml-goodput.
     */
    private static final Set<String> OTHER_FORMAT_FIELDS = Set.of("event", "log_history", "kind", "items", "object");

    /** A first record's field name that makes {@link #detect} choose another format than ml-goodput's. */
    static boolean redecides(String field) {
        return OTHER_FORMAT_FIELDS.contains(field);
    }

    /**
     * A JSON array of records ({@code [{...}} or {@code []}); not the bracketed prefixes trainer log lines start with
     * ({@code [2024-03-07 15:27:02,646]}, {@code [Rank 1]}, {@code [titan]}, {@code [rank1]:}).
     */
    private static boolean startsJsonArray(String head) {
        if (!head.startsWith("[")) {
            return false;
        }
        String rest = head.substring(1).stripLeading();
        return rest.isEmpty() || rest.charAt(0) == '{' || rest.charAt(0) == ']';
    }

    /** Field names of ml-goodput-measurement entries and of Cloud Logging exports of them. */
    private static boolean isMlGoodputField(String f) {
        return f.equals("entries") || f.equals("jsonPayload") || f.equals("payload") || f.equals("job_name")
                || f.endsWith("_start_time") || f.endsWith("_end_time") || f.equals("step_count")
                || f.startsWith("custom_badput_event") || f.startsWith("checkpoint_manager")
                || f.equals("insertId") || f.equals("logName");
    }

    private static boolean isCsvHeaderWithEvent(String line) {
        for (String cell : line.split(",", -1)) {
            if (cell.trim().replace("\"", "").equalsIgnoreCase("event")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
