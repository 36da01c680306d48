package dev.goodput.core.load;

import dev.goodput.core.io.logs.LogFormat;
import dev.goodput.core.io.logs.LogFormats;

import java.util.ArrayList;
import java.util.List;

/**
 * Every format a run is read from, for {@code goodput formats} and the docs: the structured files told apart by
 * their first record (canonical run log, ml-goodput-measurement, Hugging Face's trainer_state.json, kubectl's JSON of
 * pods and events) and the trainer
 * logs read line by line ({@link LogFormats}). Profiler traces are not listed: they give the model layer beside a
 * run, not a run.
 */
public final class InputFormats {
    /** How a file of a format is recognised. */
    public enum Kind {
        /** JSON or CSV, told apart by the first record's fields. */
        STRUCTURED,
        /** A trainer's text log, read line by line; {@code --log-format ID} reads every text log as this one. */
        TRAINER_LOG
    }

    /**
     * One format.
     *
     * @param id      for trainer logs the {@code --log-format} id; for structured files a name for reference only
     * @param example a line (or record) as the format writes it
     * @param takes   what the run gets from it
     */
    public record Format(String id, String name, Kind kind, String example, String takes) {
    }

    private static final List<Format> STRUCTURED = List.of(
            new Format("run-log", "Canonical run log, JSON Lines (docs/run-log-format.md)", Kind.STRUCTURED,
                    "{\"event\": \"step\", \"step\": 1, \"start\": \"2025-03-03T09:01:35.5Z\", "
                            + "\"end\": \"2025-03-03T09:02:01.408Z\", \"tokens\": 524288}",
                    "everything: run metadata, job attempts, steps, phases, checkpoints, faults, downtimes"),
            new Format("run-log-csv", "Canonical run log, CSV (docs/run-log-format.md)", Kind.STRUCTURED,
                    "schema,event,time,start,end,step,name,accelerator,accelerators,peak_flops,...",
                    "the same records as the JSON Lines run log, one per row under a header with an event column"),
            new Format("ml-goodput", "Google ml-goodput-measurement entries (docs/ml-goodput-measurement.md)",
                    Kind.STRUCTURED,
                    "{\"job_name\": \"run-1\", \"step_count\": 3, \"step_start_time\": 1704070805.0}",
                    "job starts and ends, steps, TPU init, training prep, data loading, custom badput events, "
                            + "Orbax checkpoint saves and restores; also as a Cloud Logging export"),
            new Format("hf-trainer-state", "Hugging Face Trainer trainer_state.json", Kind.STRUCTURED,
                    "{\"global_step\": 500, \"log_history\": [{\"epoch\": 0.1, \"loss\": 2.31, \"step\": 10}, ...]}",
                    "steps from log_history, spread evenly over train_runtime (it has no wall-clock times), "
                            + "evaluations; placed at --start, else at the file's time less train_runtime"),
            new Format("kubernetes", "Kubernetes: kubectl get pods -o json, kubectl get events -o json",
                    Kind.STRUCTURED,
                    "{\"apiVersion\": \"v1\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Pod\", ...}], "
                            + "\"kind\": \"List\"}",
                    "each run of a pod's training container as a scheduler job (created, scheduled, ended, state, "
                            + "node, exit code, GPUs); OOM kills, evictions and NotReady nodes as faults, preemptions, "
                            + "scheduling, image pulls and back-offs from events; several exports merged"));

    private InputFormats() {
    }

    /** The structured formats, then the trainer-log formats in the order their recognisers are tried. */
    public static List<Format> all() {
        List<Format> all = new ArrayList<>(STRUCTURED);
        for (LogFormat f : LogFormats.all()) {
            all.add(new Format(f.id(), f.name(), Kind.TRAINER_LOG, f.example(), f.takes()));
        }
        return List.copyOf(all);
    }

    /** The ids {@code --log-format} takes. */
    public static List<String> logFormatIds() {
        return LogFormats.all().stream().map(LogFormat::id).toList();
    }
}
