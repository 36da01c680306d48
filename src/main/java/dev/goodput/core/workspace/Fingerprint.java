package dev.goodput.core.workspace;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.RegularFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a file's bytes were: its size and SHA-256 (lower-case hex). Enough to tell whether an input changed since
 * a workspace was saved, without keeping a copy of it.
 */
public record Fingerprint(long sizeBytes, String sha256) {
    private static final int BUFFER = 1 << 16;

    public Fingerprint {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("a file size cannot be negative: " + sizeBytes);
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected a SHA-256 as 64 lower-case hex digits, found " + sha256);
        }
    }

    /**
     * Reads the file once, streaming (inputs can be gigabytes). The size is the count of bytes hashed rather than
     * the file system's size, so the two always describe the same bytes even if the file grows meanwhile.
     *
     * @throws InputException when the file is not a readable regular file (a FIFO would block the hashing forever)
     */
    public static Fingerprint of(Path file) throws IOException, InputException {
        RegularFile.check(file);
        MessageDigest sha = newDigest();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        return new Fingerprint(size, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
