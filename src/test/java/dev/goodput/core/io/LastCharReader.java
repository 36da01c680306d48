package dev.goodput.core.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that remembers the last character it passed on, so that once the text is read to its end a reader can
 * tell whether the file's last line was finished with a line break, or cut off mid-write (a log still being written).
 */
final class LastCharReader extends FilterReader {
    private int last = -1;

    LastCharReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            last = c;
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            last = buf[off + n - 1];
        }
        return n;
    }

    /** True when the text read so far ends with a line break (or is empty). */
    boolean endsWithLineBreak() {
        return last < 0 || last == '\n' || last == '\r';
    }
}
