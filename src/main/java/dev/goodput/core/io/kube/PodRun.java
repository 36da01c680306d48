package dev.goodput.core.io.kube;

import dev.goodput.core.io.logs.TrainerEvent;

/**
 * One run of a pod's training container, as a pod export shows it: the run in {@code state} or the one before it
 * in {@code lastState}.
 *
 * @param key     the pod (its uid, else namespace/name), container and run index: the same run in two exports
 * @param pod     namespace/name of the pod, for matching its events
 * @param podUid  the pod's uid, or null
 * @param owner   the job the pod belongs to (its name), or null
 * @param job     the run as a scheduler job
 * @param started when its container started (the job's first activity), or null when it never started
 */
record PodRun(String key, String pod, String podUid, String owner, TrainerEvent.SchedulerJob job, TrainerEvent.Marker started) {
    /** Which of two views of the same run says more: an ended run over a running one, a running over a pending. */
    boolean saysMoreThan(PodRun other) {
        int a = rank(job);
        int b = rank(other.job);
        if (a != b) {
            return a > b;
        }
        return job.endUs() >= other.job.endUs(); // same: the later export's view
    }

    private static int rank(TrainerEvent.SchedulerJob j) {
        if (j.state().ended()) {
            return 2;
        }
        return j.state() == dev.goodput.core.io.logs.SchedulerState.RUNNING ? 1 : 0;
    }
}
