package dev.goodput.core.load;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.workspace.WorkspaceSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * What to load and how to derive it, the same for {@code goodput report} and the workbench window.
 *
 * @param files          run files, profiler traces and folders of either, as the user named them
 * @param options        how run files are read (strict or lenient, format, zones, start, line patterns)
 * @param settings       the derivation settings (window, warm-up, peak override, ...); the profiles' model layer is
 *                       added by the pipeline
 * @param flopConvention how to count model FLOPs instead of the run's own choice (a workspace's), or null
 * @param precision      the precision of the peak looked up for profiles, or null for the run's own
 *                       ({@code precision} in its metadata), else bf16
 */
public record RunRequest(List<Path> files, LoadOptions options, DerivationSettings settings,
                         FlopConvention flopConvention, String precision) {
    /** The precision used when neither the request nor the run names one. */
    public static final String DEFAULT_PRECISION = "bf16";

    public RunRequest {
        files = List.copyOf(files);
        options = options == null ? LoadOptions.of(LoadMode.STRICT) : options;
        settings = settings == null ? DerivationSettings.defaults() : settings;
        precision = precision == null || precision.isBlank() ? null : precision.strip();
    }

    /** The files read with these options, derived with defaults. */
    public static RunRequest of(List<Path> files, LoadOptions options) {
        return new RunRequest(files, options, DerivationSettings.defaults(), null, null);
    }

    /** The files derived as a workspace's settings say (window, peak, warm-up, evaluation, FLOP convention). */
    public static RunRequest of(List<Path> files, LoadOptions options, WorkspaceSettings workspace) {
        return new RunRequest(files, options, workspace.derivationSettings(), workspace.flopConvention(), null);
    }

    public RunRequest withSettings(DerivationSettings s) {
        return new RunRequest(files, options, s, flopConvention, precision);
    }

    public RunRequest withPrecision(String p) {
        return new RunRequest(files, options, settings, flopConvention, p);
    }
}
