package dev.goodput.core.model;

/**
 * A fault reported at {@code timeUs}.
 *
 * @param cause  a cause id (e.g. {@code faulty_gpu}); "unknown" when not known
 * @param layer  the layer its lost time belongs to, or null (then infra: a fault costs availability)
 * @param rank   the reporting rank, or -1
 */
public record FaultEvent(long timeUs, String cause, String message, String node, int rank, Layer layer,
                         Source source) {
}
