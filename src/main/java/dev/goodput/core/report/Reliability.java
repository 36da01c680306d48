package dev.goodput.core.report;

import java.util.List;

/** Uptime and disruption statistics over the window; MTBF = uptime ÷ disruptions. */
public record Reliability(double uptimeSeconds, int disruptions, Double mtbfSeconds, Double mttrSeconds,
                          List<CauseReliability> causes) {
}
