package dev.goodput.core.io;

import dev.goodput.core.model.Source;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The check made before any input is opened or hashed: it must be a regular file (a symbolic link to one is fine).
 * A FIFO, socket or device would block or never end on the first read, so it is refused naming what it is; a loop
 * of symbolic links and a file the user may not read are refused saying so, not as "file not found".
 */
public final class RegularFile {
    private RegularFile() {
    }

    /**
     * Returns normally when {@code p} is a readable regular file (after links).
     *
     * @throws NoSuchFileException when nothing is there (callers say "file not found" in their own words)
     * @throws InputException      for anything else that is not a readable regular file
     */
    public static void check(Path p) throws InputException, NoSuchFileException {
        if (Files.isRegularFile(p)) {
            if (!Files.isReadable(p)) {
                throw refused(p, "expected a readable file; permission denied");
            }
            return;
        }
        if (Files.isDirectory(p)) {
            throw refused(p, "expected a regular file, found a folder");
        }
        if (Files.exists(p)) {
            throw refused(p, "expected a regular file, found " + kindOf(p) + " (only regular files are read)");
        }
        refuseLoop(p);
        throw new NoSuchFileException(p.toString());
    }

    /**
     * Refuses a path that exists (after links) and is neither a regular file nor a folder, and a loop of links;
     * for inputs where a folder stands for the files in it.
     */
    public static void refuseSpecial(Path p) throws InputException {
        if (Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p)) {
            throw refused(p, "expected a regular file or a folder, found " + kindOf(p)
                    + " (only regular files are read)");
        }
        if (!Files.exists(p)) {
            refuseLoop(p);
        }
    }

    /** A link whose target cannot be resolved for a reason other than "missing" is a loop (ELOOP). */
    private static void refuseLoop(Path p) throws InputException {
        if (!Files.isSymbolicLink(p)) {
            return;
        }
        try {
            p.toRealPath();
        } catch (NoSuchFileException e) {
            return; // a dangling link: the file is missing
        } catch (FileSystemException e) {
            throw refused(p, "expected a file, found a loop of symbolic links");
        } catch (IOException e) {
            return;
        }
    }

    /** "a FIFO (named pipe)", "a socket", "a device", or "a special file" where the platform does not say. */
    public static String kindOf(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0140000 -> "a socket";
                case 0020000, 0060000 -> "a device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private static InputException refused(Path p, String expected) {
        return new InputException(new Source(p.toString(), 0), expected);
    }
}
