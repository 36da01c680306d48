package dev.goodput.core.io;

import java.util.zip.ZipException;

/**
 * A gzip file that cannot be unpacked past a point: cut short or corrupt. The message names the compressed byte
 * where unpacking stopped, so the damage can be found (and a copy compared) without guessing.
 */
public final class DamagedGzipException extends ZipException {
    private final long offset;
    private final long size;

    DamagedGzipException(long offset, long size, String expected) {
        super("damaged gzip at byte " + offset + " of " + size + ": " + expected);
        this.offset = offset;
        this.size = size;
    }

    /** The compressed byte at which unpacking stopped. */
    public long offset() {
        return offset;
    }

    /** The compressed file's length. */
    public long size() {
        return size;
    }
}
