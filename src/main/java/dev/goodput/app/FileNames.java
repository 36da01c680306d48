package dev.goodput.app;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Short names for the files of one run, as the status bar, the load bar and the Open Recent menu show them. */
final class FileNames {
    /** More names than this make a menu item or the status bar too wide; the rest is counted instead. */
    private static final int SHOWN = 2;

    private FileNames() {
    }

    /** "run.jsonl", "a.jsonl + b.csv", "a.jsonl + b.csv + 3 more"; "" for no file. */
    static String of(List<Path> files) {
        String shown = files.stream().limit(SHOWN).map(FileNames::name).collect(Collectors.joining(" + "));
        int rest = files.size() - SHOWN;
        return rest > 0 ? shown + " + " + rest + " more" : shown;
    }

    /** The full paths, one a line, for a tooltip. */
    static String paths(List<Path> files) {
        return files.stream().map(f -> f.toAbsolutePath().normalize().toString()).collect(Collectors.joining("\n"));
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
