package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

import java.util.function.Consumer;

/**
 * Megatron-LM's {@code progress.txt} ({@code --log-progress}), which rank 0 appends to in the checkpoint directory
 * (megatron/training/utils: {@code append_to_progress_log}): one line per event,
 * {@code YYYY-mm-dd HH:MM:SS<TAB>Job ID: <SLURM_JOB_ID><TAB># GPUs: <world size><TAB><what>[<TAB>field: value...]}.
 * <ul>
 *   <li>{@code Starting job}: a {@link TrainerEvent.Launch} (a job attempt) and the world size;</li>
 *   <li>{@code Saved checkpoint<TAB>Iteration: N<TAB>Job throughput: ...}: the end of a (blocking) save of
 *   iteration N, at the time written after the save returned;</li>
 *   <li>{@code Saving async checkpoint<TAB>Iteration: N<TAB>...}: the end of an async save's blocking part (the
 *   save was scheduled and training went on); {@code Saved async [local ]checkpoint<TAB>Iteration: N}, when it
 *   reached storage, is a {@link TrainerEvent.Marker};</li>
 *   <li>other lines ({@code Deleted checkpoint}, ...) are taken without events. The throughput and FLOP fields are
 *   averages since the job started, not per step: they are not read.</li>
 * </ul>
 * No public progress.txt was found: this follows Megatron-LM's source (training.py, checkpointing.py).
 */
final class MegatronProgressRecogniser implements LineRecogniser {
    private static final String JOB_ID = "Job ID: ";
    private static final String GPUS = "# GPUs: ";
    private static final String ITERATION = "Iteration: ";

    private final MegatronScan scan = new MegatronScan();

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String t = line.text();
        int n = t.length();
        int p;
        if (n > 9 && t.charAt(0) == '\t' && t.startsWith(JOB_ID, 1)) {
            p = 1;
        } else if (t.startsWith(JOB_ID) && t.indexOf('\t') > 0 && t.indexOf(GPUS) > 0) {
            throw new BadRecord("expected the date and time before 'Job ID:' in the progress line");
        } else {
            return false;
        }
        if (line.timeUs() == Times.UNKNOWN) {
            throw new BadRecord("expected the date and time before 'Job ID:' in the progress line");
        }
        int tab1 = t.indexOf('\t', p);
        if (tab1 < 0 || !t.startsWith(GPUS, tab1 + 1)) {
            throw new BadRecord("expected '# GPUs: N' after the job id in the progress line");
        }
        long gpus = scan.digits(t, tab1 + 1 + GPUS.length());
        int tab2 = gpus < 0 ? -1 : t.indexOf('\t', scan.end);
        if (tab2 < 0 || tab2 + 1 >= n) {
            throw new BadRecord("expected what happened after '# GPUs: N' in the progress line");
        }
        String jobId = t.substring(p + JOB_ID.length(), tab1).trim();
        int tab3 = t.indexOf('\t', tab2 + 1);
        String what = t.substring(tab2 + 1, tab3 < 0 ? n : tab3).trim();
        long time = line.timeUs();
        switch (what) {
            case "Starting job" -> {
                out.accept(new TrainerEvent.Setting(time, line.source(), TrainerEvent.SettingKey.WORLD_SIZE,
                        Long.toString(gpus)));
                out.accept(new TrainerEvent.Launch(time, line.source(), "Megatron-LM progress.txt: Starting job"
                        + (jobId.isEmpty() ? "" : " (job " + jobId + ")") + ", " + gpus + " GPUs"));
            }
            case "Saved checkpoint", "Saving async checkpoint" -> out.accept(new TrainerEvent.CheckpointSave(time,
                    line.source(), iteration(t, tab3, what), TrainerEvent.Edge.END, -1));
            case "Saved async checkpoint", "Saved async local checkpoint" -> out.accept(new TrainerEvent.Marker(time,
                    line.source(), "Megatron-LM progress.txt: async checkpoint of iteration " + iteration(t, tab3, what)
                    + " saved"));
            default -> {
                // "Deleted checkpoint" and anything newer: a progress line with nothing for the run's time.
            }
        }
        return true;
    }

    private long iteration(String t, int tab, String what) throws BadRecord {
        if (tab < 0 || !t.startsWith(ITERATION, tab + 1)) {
            throw new BadRecord("expected 'Iteration: N' after '" + what + "'");
        }
        long v = scan.digits(t, tab + 1 + ITERATION.length());
        if (v < 0) {
            throw new BadRecord("expected a number after 'Iteration:'");
        }
        return v;
    }
}
