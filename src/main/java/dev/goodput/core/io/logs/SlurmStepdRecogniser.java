package dev.goodput.core.io.logs;

import dev.goodput.core.classify.FaultClassifier;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Times;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * slurmstepd's cancellation banners inside a job's output, as Slurm writes them ({@code src/slurmd/slurmstepd}):
 * {@code slurmstepd: error: *** JOB 1234 ON node07 CANCELLED AT 2024-05-01T12:00:00 DUE TO TIME LIMIT ***}, also
 * for a step ({@code *** STEP 1234.0 ON ...}). The time has no zone (the node's local time: {@code --tz}).
 * <ul>
 *   <li>{@code DUE TO TIME LIMIT}: the job ended at its time limit, a planned end ({@link EndReason#TIME_LIMIT},
 *   charged to {@code time_limit} as sacct's TIMEOUT is);</li>
 *   <li>no reason: cancelled by a user ({@code scancel}), also planned ({@link EndReason#CANCELLED});</li>
 *   <li>{@code DUE TO PREEMPTION}: preempted ({@link EndReason#PREEMPTED});</li>
 *   <li>{@code DUE TO NODE FAILURE}: a fault on the named node, classified by its line ({@code node_failure},
 *   rule {@code slurm_node_failure});</li>
 *   <li>{@code DUE TO JOB REQUEUE} and other reasons: a marker (the next start says the rest).</li>
 * </ul>
 * The job's and its steps' banners usually come together: a step's is read only when no job banner was.
 */
final class SlurmStepdRecogniser implements LineRecogniser {
    private static final String TAG = "*** ";
    private static final String CANCELLED = " CANCELLED AT ";
    private boolean jobSeen;

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String t = line.text();
        int c = t.indexOf(CANCELLED);
        if (c < 0) {
            return false;
        }
        int k = t.lastIndexOf(TAG, c);
        if (k < 0 || !(t.startsWith("JOB ", k + 4) || t.startsWith("STEP ", k + 4))) {
            return false;
        }
        boolean job = t.startsWith("JOB ", k + 4);
        int on = t.indexOf(" ON ", k);
        if (on < 0 || on > c) {
            throw new BadRecord("expected '*** JOB|STEP ID ON NODE CANCELLED AT TIME ...'");
        }
        String id = t.substring(k + 4 + (job ? 4 : 5), on).strip();
        String node = t.substring(on + 4, c).strip();
        long time = TimeText.dateTime(t, c + CANCELLED.length(), line.clock());
        if (time == Times.UNKNOWN) {
            throw new BadRecord("expected a time (2024-05-01T12:00:00) after 'CANCELLED AT'");
        }
        int due = t.indexOf(" DUE TO ", c);
        int stars = t.indexOf(" ***", c);
        String reason = due < 0 ? "" : t.substring(due + 8, stars > due ? stars : t.length()).strip();
        if (!job && jobSeen) {
            return true; // the step's banner of a job already read
        }
        jobSeen |= job;
        String what = "slurm: " + (job ? "job " : "step ") + id + " on " + node + " cancelled"
                + (reason.isEmpty() ? " (by a user)" : " due to " + reason.toLowerCase(Locale.ROOT));
        String r = reason.toUpperCase(Locale.ROOT);
        if (r.startsWith("NODE FAILURE")) {
            out.accept(new TrainerEvent.Fault(time, line.source(), FaultClassifier.bundled().classify(t), what, -1,
                    node));
        } else if (r.startsWith("PREEMPTION")) {
            out.accept(new TrainerEvent.End(time, line.source(), EndReason.PREEMPTED, what));
        } else if (r.startsWith("TIME LIMIT")) {
            out.accept(new TrainerEvent.End(time, line.source(), EndReason.TIME_LIMIT, what));
        } else if (r.isEmpty()) {
            out.accept(new TrainerEvent.End(time, line.source(), EndReason.CANCELLED, what));
        } else {
            out.accept(new TrainerEvent.Marker(time, line.source(), what));
        }
        return true;
    }
}
