package dev.goodput.chart.export;

import java.io.BufferedOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file whole or not at all: into a hidden temporary file beside it, moved over it once complete. A
 * reader (or a failed export) never sees half a file, and an existing file survives a failure.
 */
public final class AtomicFile {
    /** What writes the content; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What writes a text file's characters; flushed by {@link #writeText}. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer w) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * {@link #write}, for text in UTF-8. The content gets a writer it cannot close: some writers close what they
     * are given (Jackson does by default), which here would end the file before it is complete.
     */
    public static void writeText(Path file, Text content) throws IOException {
        write(file, out -> {
            Writer w = new FilterWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            content.writeTo(w);
            w.flush();
        });
    }

    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        // Beside the target so the move stays on one file system; created plainly (not Files.createTempFile,
        // whose owner-only permissions would stay on the file).
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            moveOver(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void moveOver(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) { // some file systems (e.g. network shares) cannot
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
