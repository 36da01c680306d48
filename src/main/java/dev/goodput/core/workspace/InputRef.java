package dev.goodput.core.workspace;

import dev.goodput.core.io.InputException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input file a workspace was made from, and what its bytes were then. Inputs are only ever read: the
 * workspace refers to them and never copies or changes them.
 *
 * @param path as written in the workspace: relative (with {@code /}) to the workspace file's folder when the
 *             input lies inside that folder, so a folder holding both can move; absolute otherwise
 */
public record InputRef(String path, long sizeBytes, String sha256) {
    public InputRef {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("an input needs a path");
        }
        new Fingerprint(sizeBytes, sha256); // validates size and hash the same way
    }

    public InputRef(String path, Fingerprint fingerprint) {
        this(path, fingerprint.sizeBytes(), fingerprint.sha256());
    }

    /**
     * Fingerprints {@code file} and names it as a workspace in {@code folder} would.
     *
     * @param folder the workspace file's folder, or null for an untitled workspace (the path is then absolute)
     */
    public static InputRef describe(Path file, Path folder) throws IOException, InputException {
        return new InputRef(pathText(file, folder), Fingerprint.of(file));
    }

    public Fingerprint fingerprint() {
        return new Fingerprint(sizeBytes, sha256);
    }

    /** The file this refers to, for a workspace in {@code folder} (null: untitled, paths are absolute). */
    public Path resolve(Path folder) {
        Path p = Path.of(path);
        return p.isAbsolute() || folder == null ? p : folder.resolve(p).normalize();
    }

    /** The same file, named as a workspace moved from {@code from} to {@code to} (Save As) must name it. */
    public InputRef rebase(Path from, Path to) {
        return new InputRef(pathText(resolve(from), to), sizeBytes, sha256);
    }

    private static String pathText(Path file, Path folder) {
        Path abs = file.toAbsolutePath().normalize();
        if (folder != null) {
            Path dir = folder.toAbsolutePath().normalize();
            if (abs.startsWith(dir) && !abs.equals(dir)) {
                // '/' on every platform, so a workspace written on Windows opens elsewhere (and Windows reads '/').
                return dir.relativize(abs).toString().replace(abs.getFileSystem().getSeparator(), "/");
            }
        }
        return abs.toString();
    }
}
