package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.Source;

import java.io.IOException;
import java.nio.file.Path;

/** Hugging Face Trainer's trainer_state.json (placeholder until the reader lands). */
public final class HfTrainerStateReader {
    private HfTrainerStateReader() {
    }

    public static FileEvents read(Path file, long startUs, LoadMode mode) throws IOException, InputException {
        throw new InputException(new Source(file.toString(), 0), "expected a format this version reads: "
                + "trainer_state.json is not read yet");
    }
}
