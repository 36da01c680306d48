package dev.goodput.core.sim;

/**
 * Mean seconds each part of a recovery takes; every draw varies lognormally with {@code variability}
 * as coefficient of variation.
 *
 * @param detection          failure → job torn down (crash, or a collective timing out on a hang)
 * @param reschedule         job down → new job start (drain the bad host, swap in a spare, requeue)
 * @param provisioning       container start, device init, communicator setup (infra)
 * @param trainingPrep       model construction, data pipeline state (framework)
 * @param checkpointRestore  loading the last checkpoint (framework)
 * @param firstStepExcess    extra time of the first step after a start: warm-up, lazy init, compilation
 * @param plannedDowntime    job stopped for planned maintenance → new job start
 * @param variability        coefficient of variation of every draw (0: fixed)
 */
public record RestartCosts(double detection, double reschedule, double provisioning, double trainingPrep,
                           double checkpointRestore, double firstStepExcess, double plannedDowntime,
                           double variability) {
    public RestartCosts {
        double[] all = {detection, reschedule, provisioning, trainingPrep, checkpointRestore, firstStepExcess,
            plannedDowntime, variability};
        for (double v : all) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("restart costs must be non-negative");
            }
        }
    }

    /**
     * Assumptions, chosen so that ~419 interruptions in 54 days leave roughly the "higher than 90% effective
     * training time" Llama 3 reports (paper 3.3.4): about 17 minutes lost per interruption in all, wasted
     * progress included. The paper credits fast detection (NCCLX, PyTorch's NCCL flight recorder) and
     * automation (only 3 of 466 interruptions needed significant manual work) and does not publish the
     * individual costs; these split that budget plausibly: 2 min to detect, 4 min to swap a host and
     * requeue, 2 + 2 + 1.5 min to provision, prepare and restore, 45 s of first-step warm-up, and 10 min of
     * downtime per planned maintenance stop.
     */
    public static RestartCosts llama3Assumed() {
        return new RestartCosts(120, 240, 120, 120, 90, 45, 600, 0.3);
    }
}
