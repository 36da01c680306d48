package dev.goodput.core.model;

/** Where a fact came from: a file and a 1-based line (0 when derived, not read). */
public record Source(String file, long line) {
    public static final Source DERIVED = new Source("(derived)", 0);

    /** The whole of the files (no line): one file's path, or several joined with commas. */
    public static Source ofFiles(java.util.List<java.nio.file.Path> files) {
        return new Source(String.join(", ", files.stream().map(java.nio.file.Path::toString).toList()), 0);
    }

    /** The file's name without its folders ("run.jsonl"), as rules' source patterns match it. */
    public String fileName() {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
