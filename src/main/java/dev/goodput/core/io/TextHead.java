package dev.goodput.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** The start of a (possibly gzip) text file, for telling formats apart by content. */
public final class TextHead {
    private TextHead() {
    }

    public static String of(Path file, int chars) throws IOException {
        return InputFiles.head(file, chars);
    }
}
