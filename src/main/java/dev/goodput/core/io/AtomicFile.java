package dev.goodput.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Replaces a file whole or not at all, durably (workspaces, recovery files, every export): the content goes to a temporary file beside the target
 * (same folder, so the same file system and a rename is possible), is forced to disk, and is then renamed over
 * the target in one step. A kill or crash at any moment leaves either the old file or the new one, never part of
 * one; at worst a stray temporary file, which {@link #removeStaleTemps} clears.
 */
public final class AtomicFile {
    /** What writes the bytes; the stream is flushed and synced by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What writes the characters (UTF-8); the writer is flushed and synced by {@link #writeText}. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private AtomicFile() {
    }

    /**
     * {@link #write} for text in UTF-8. The content gets a writer it cannot close: some writers close what they are
     * given (Jackson does by default), which here would end the file before it is complete.
     */
    public static void writeText(Path target, Text content) throws IOException {
        write(target, out -> {
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

    public static void write(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath();
        Path temp = file.resolveSibling(tempPrefix(file) + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(out);
                out.flush();
                // The data must be on disk before the rename is: file systems may commit the rename first (ext4,
                // XFS with delayed allocation), and a power loss in between would leave the target name on an
                // empty or partial file — the very corruption the rename is meant to rule out.
                channel.force(true);
            }
            replace(temp, file);
            syncFolder(file.getParent());
        } finally {
            Files.deleteIfExists(temp); // only still there when something failed before the rename
        }
    }

    private static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Rare (some network shares): a plain replace is still a rename within the folder there, with
            // no atomicity promised by the file system. Better a save than none; the file was synced.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable (POSIX: the folder entry is data of the folder). */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; its renames are journalled by NTFS. Nothing to do.
        }
    }

    /**
     * Deletes temporary files a killed writer of {@code target} left behind. Call when nothing else writes the
     * target (opening it, or saving it): it would otherwise remove another writer's file in flight.
     */
    public static void removeStaleTemps(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        String name = file.getFileName().toString();
        removeStaleTemps(file.getParent(), name::equals);
    }

    /** Deletes the temporary files in {@code folder} of targets whose names {@code targets} accepts. */
    public static void removeStaleTemps(Path folder, Predicate<String> targets) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> targetOf(p.getFileName().toString()).filter(targets).isPresent())) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The name of the file {@code name} was a temporary file for: exactly "." + target + "." + a UUID + ".tmp", so
     * "x.goodput"'s temporary files are told from "x.goodput.recovery"'s, and from files that only look alike.
     */
    private static Optional<String> targetOf(String name) {
        if (!name.startsWith(".") || !name.endsWith(TEMP_SUFFIX)) {
            return Optional.empty();
        }
        String middle = name.substring(1, name.length() - TEMP_SUFFIX.length());
        int dot = middle.lastIndexOf('.');
        return dot > 0 && UUID_TEXT.matcher(middle.substring(dot + 1)).matches()
                ? Optional.of(middle.substring(0, dot)) : Optional.empty();
    }

    private static String tempPrefix(Path file) {
        return "." + file.getFileName() + ".";
    }
}
