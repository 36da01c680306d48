package dev.goodput.core.model;

/**
 * An explicitly logged period when the job was not running; {@code cause} refines the kind when given. An old cause
 * id is made its catalogue id (docs/fault-causes.md), and a downtime of kind {@code other} without a cause is
 * {@code unattributed_downtime}: never a silent "other".
 */
public record Downtime(DowntimeKind kind, long startUs, long endUs, String cause, Source source) {
    public Downtime {
        cause = cause == null || cause.isBlank()
                ? kind == DowntimeKind.OTHER ? CauseCatalog.UNATTRIBUTED_DOWNTIME.id() : null
                : CauseCatalog.canonicalId(cause);
    }
}
