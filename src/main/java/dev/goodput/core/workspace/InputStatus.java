package dev.goodput.core.workspace;

import java.nio.file.Path;

/** How an input of a workspace compares with the file on disk now. */
public sealed interface InputStatus {
    InputRef ref();

    /** The file the reference resolves to. */
    Path file();

    /** One line for people; empty for an unchanged input. */
    String describe();

    record Unchanged(InputRef ref, Path file) implements InputStatus {
        @Override
        public String describe() {
            return "";
        }
    }

    /** Different bytes than when the workspace was saved (re-run, appended to, or replaced). */
    record Changed(InputRef ref, Path file, Fingerprint now) implements InputStatus {
        @Override
        public String describe() {
            String how = now.sizeBytes() == ref.sizeBytes() ? "same size, different content (SHA-256)"
                    : "size " + ref.sizeBytes() + " → " + now.sizeBytes() + " bytes";
            return file + " changed since the workspace was saved (" + how + ")";
        }
    }

    record Missing(InputRef ref, Path file) implements InputStatus {
        @Override
        public String describe() {
            return file + " is missing (the workspace refers to it as " + ref.path() + ")";
        }
    }

    /**
     * There, but it is not read (permissions, a folder, FIFO or device in its place, a loop of links, an I/O
     * error); {@code reason} says what was expected ("expected a regular file, found a FIFO (named pipe) …").
     */
    record Unreadable(InputRef ref, Path file, String reason) implements InputStatus {
        @Override
        public String describe() {
            return file + ": " + reason;
        }
    }
}
