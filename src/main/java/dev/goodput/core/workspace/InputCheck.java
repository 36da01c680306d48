package dev.goodput.core.workspace;

import dev.goodput.core.io.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace's inputs compared with the files on disk, to warn before deriving from changed ones.
 * Nothing needs re-mapping afterwards: tags are time ranges, rules are patterns and fault roles name faults by
 * source and time, so applying the overlay to the derivation of the files as they are now re-applies exactly
 * what still matches, and what no longer matches simply applies to nothing.
 */
public record InputCheck(List<InputStatus> inputs) {
    public InputCheck {
        inputs = List.copyOf(inputs);
    }

    /**
     * Hashes every input (streaming; large logs take a moment).
     *
     * @param folder the workspace file's folder (relative input paths are resolved against it), or null
     */
    public static InputCheck of(Workspace ws, Path folder) {
        List<InputStatus> out = new ArrayList<>();
        for (InputRef ref : ws.inputs()) {
            out.add(check(ref, ref.resolve(folder)));
        }
        return new InputCheck(out);
    }

    private static InputStatus check(InputRef ref, Path file) {
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            return new InputStatus.Missing(ref, file);
        }
        try {
            Fingerprint now = Fingerprint.of(file);
            return now.equals(ref.fingerprint()) ? new InputStatus.Unchanged(ref, file)
                    : new InputStatus.Changed(ref, file, now);
        } catch (NoSuchFileException e) { // deleted between the two looks
            return new InputStatus.Missing(ref, file);
        } catch (InputException e) { // a FIFO, device or folder in its place, a link loop, no permission
            return new InputStatus.Unreadable(ref, file, e.detail());
        } catch (IOException e) {
            return new InputStatus.Unreadable(ref, file, "expected a readable file ("
                    + e.getClass().getSimpleName() + " " + e.getMessage() + ")");
        }
    }

    public boolean allUnchanged() {
        return inputs.stream().allMatch(s -> s instanceof InputStatus.Unchanged);
    }

    /** One line per input that is not as saved, for a warning. */
    public List<String> warnings() {
        return inputs.stream().filter(s -> !(s instanceof InputStatus.Unchanged)).map(InputStatus::describe).toList();
    }
}
