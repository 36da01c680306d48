package dev.goodput.chart.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A file format a chart exports to: PNG raster, or SVG and PDF vector with real (searchable) text. */
public enum ChartFormat {
    PNG("png", false),
    SVG("svg", true),
    PDF("pdf", true);

    private final String extension;
    private final boolean vector;

    ChartFormat(String extension, boolean vector) {
        this.extension = extension;
        this.vector = vector;
    }

    /** The file extension without the dot, e.g. {@code pdf}. */
    public String extension() {
        return extension;
    }

    /** Vector formats ignore the export scale: they are resolution-independent. */
    public boolean isVector() {
        return vector;
    }

    /** The format a file name's extension asks for, in any case ({@code chart.PDF} is PDF). */
    public static ChartFormat fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ChartFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("cannot tell the chart format of '" + fileName
                + "': expected a file name ending in one of " + accepted("."));
    }

    /** A format by name, in any case, with or without a leading dot: {@code png}, {@code SVG}, {@code .pdf}. */
    public static ChartFormat parse(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        key = key.startsWith(".") ? key.substring(1) : key;
        for (ChartFormat format : values()) {
            if (format.extension.equals(key)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown chart format '" + name + "': expected one of " + accepted(""));
    }

    private static String accepted(String prefix) {
        return Arrays.stream(values()).map(f -> prefix + f.extension).collect(Collectors.joining(", "));
    }
}
