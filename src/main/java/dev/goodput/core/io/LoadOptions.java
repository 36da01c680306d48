package dev.goodput.core.io;

import dev.goodput.core.model.Times;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * How run files are read.
 *
 * @param mode         strict (the CLI's default: the first bad record is an error) or lenient (the window's)
 * @param formatId     a trainer-log format id ({@code goodput formats}) that every text log is read as, overriding
 *                     detection; null to detect
 * @param zone         the zone of times written without one (default UTC)
 * @param fileZones    zones for particular files, overriding {@code zone} ({@code --tz FILE=ZONE})
 * @param startUs      when the run started, for logs that give no year (glog) or no times at all (Hugging Face's
 *                     trainer_state.json); {@link Times#UNKNOWN} when not given
 * @param clockOffsets µs added to every time of a particular file, whose clock disagrees with the others'
 *                     ({@code --clock-offset FILE=SECONDS}); text logs and scheduler records
 */
public record LoadOptions(LoadMode mode, String formatId, ZoneId zone, Map<Path, ZoneId> fileZones, long startUs,
                          Map<Path, Long> clockOffsets) {
    public LoadOptions {
        zone = zone == null ? ZoneOffset.UTC : zone;
        fileZones = fileZones == null ? Map.of() : Map.copyOf(fileZones);
        clockOffsets = clockOffsets == null ? Map.of() : Map.copyOf(clockOffsets);
    }

    public static LoadOptions of(LoadMode mode) {
        return new LoadOptions(mode, null, ZoneOffset.UTC, Map.of(), Times.UNKNOWN, Map.of());
    }

    public ZoneId zoneOf(Path file) {
        return fileZones.getOrDefault(file, zone);
    }

    /** The µs to add to the file's times (0 when none was given). */
    public long clockOffsetOf(Path file) {
        return clockOffsets.getOrDefault(file, 0L);
    }

    public LoadOptions withFormat(String id) {
        return new LoadOptions(mode, id, zone, fileZones, startUs, clockOffsets);
    }

    public LoadOptions withZone(ZoneId z) {
        return new LoadOptions(mode, formatId, z, fileZones, startUs, clockOffsets);
    }

    public LoadOptions withFileZones(Map<Path, ZoneId> zones) {
        return new LoadOptions(mode, formatId, zone, zones, startUs, clockOffsets);
    }

    public LoadOptions withStart(long start) {
        return new LoadOptions(mode, formatId, zone, fileZones, start, clockOffsets);
    }

    public LoadOptions withClockOffsets(Map<Path, Long> offsets) {
        return new LoadOptions(mode, formatId, zone, fileZones, startUs, offsets);
    }
}
