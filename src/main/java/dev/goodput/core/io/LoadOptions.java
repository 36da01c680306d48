package dev.goodput.core.io;

import dev.goodput.core.io.logs.LinePattern;
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
 * @param linePattern  a pattern for the fault lines of any text log ({@code --line-pattern REGEX}), tried after the
 *                     built-in formats; null when none
 * @param filePatterns patterns for particular files ({@code --line-pattern FILE=REGEX}), overriding
 *                     {@code linePattern} and tried before the built-in formats
 * @param limits       how much one file may ask of memory ({@code --max-line-bytes} and the like)
 */
public record LoadOptions(LoadMode mode, String formatId, ZoneId zone, Map<Path, ZoneId> fileZones, long startUs,
                          Map<Path, Long> clockOffsets, LinePattern linePattern, Map<Path, LinePattern> filePatterns, ReadLimits limits) {
    public LoadOptions {
        zone = zone == null ? ZoneOffset.UTC : zone;
        fileZones = fileZones == null ? Map.of() : Map.copyOf(fileZones);
        clockOffsets = clockOffsets == null ? Map.of() : Map.copyOf(clockOffsets);
        filePatterns = filePatterns == null ? Map.of() : Map.copyOf(filePatterns);
        limits = limits == null ? ReadLimits.DEFAULTS : limits;
    }

    public static LoadOptions of(LoadMode mode) {
        return new LoadOptions(mode, null, ZoneOffset.UTC, Map.of(), Times.UNKNOWN, Map.of(), null, Map.of(), ReadLimits.DEFAULTS);
    }

    public ZoneId zoneOf(Path file) {
        return fileZones.getOrDefault(file, zone);
    }

    /** The µs to add to the file's times (0 when none was given). */
    public long clockOffsetOf(Path file) {
        return clockOffsets.getOrDefault(file, 0L);
    }

    /** The line pattern for the file: its own, else the one for all files; null when none. */
    public LinePattern linePatternOf(Path file) {
        return filePatterns.getOrDefault(file, linePattern);
    }

    public LoadOptions withFormat(String id) {
        return new LoadOptions(mode, id, zone, fileZones, startUs, clockOffsets, linePattern, filePatterns, limits);
    }

    public LoadOptions withZone(ZoneId z) {
        return new LoadOptions(mode, formatId, z, fileZones, startUs, clockOffsets, linePattern, filePatterns, limits);
    }

    public LoadOptions withFileZones(Map<Path, ZoneId> zones) {
        return new LoadOptions(mode, formatId, zone, zones, startUs, clockOffsets, linePattern, filePatterns, limits);
    }

    public LoadOptions withStart(long start) {
        return new LoadOptions(mode, formatId, zone, fileZones, start, clockOffsets, linePattern, filePatterns, limits);
    }

    public LoadOptions withClockOffsets(Map<Path, Long> offsets) {
        return new LoadOptions(mode, formatId, zone, fileZones, startUs, offsets, linePattern, filePatterns, limits);
    }

    public LoadOptions withLinePattern(LinePattern p) {
        return new LoadOptions(mode, formatId, zone, fileZones, startUs, clockOffsets, p, filePatterns, limits);
    }

    public LoadOptions withFilePatterns(Map<Path, LinePattern> patterns) {
        return new LoadOptions(mode, formatId, zone, fileZones, startUs, clockOffsets, linePattern, patterns, limits);
    }

    public LoadOptions withLimits(ReadLimits l) {
        return new LoadOptions(mode, formatId, zone, fileZones, startUs, clockOffsets, linePattern, filePatterns, l);
    }
}
