package dev.goodput.core.load;

import dev.goodput.core.attribution.IncrementalAttribution;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Run;
import dev.goodput.core.profile.report.ProfiledModel;

import java.nio.file.Path;
import java.util.List;

/**
 * A run loaded and derived, as imported (no attributions applied yet).
 *
 * @param files      the files read: run files and profiles, folders expanded
 * @param derivation the derivation of the run over the window (its run carries the FLOP convention chosen)
 * @param profiles   the profiles read beside the run and the model layer they measured, or null when none
 */
public record DerivedRun(RunFiles files, Derivation derivation, ProfiledModel profiles) {
    /** The run as derived (with the FLOP convention the request chose). */
    public Run run() {
        return derivation.run();
    }

    /** Every file read, run files first. */
    public List<Path> read() {
        return files.all();
    }

    /** The derivation under a workspace's attributions (tags, rules, fault roles); as imported when there are none. */
    public Derivation attributed(Overlay overlay) {
        return attributedSaying(overlay).derivation();
    }

    /** As {@link #attributed}, with what applying the attributions said (a rule pattern disabled as too slow). */
    public Attributed attributedSaying(Overlay overlay) {
        if (overlay == null || overlay.isEmpty()) {
            return new Attributed(derivation, List.of());
        }
        IncrementalAttribution a = IncrementalAttribution.of(derivation, overlay);
        return new Attributed(a.derivation(), a.ruleWarnings());
    }

    /** A derivation under attributions, and the warnings applying them gave. */
    public record Attributed(Derivation derivation, List<String> warnings) {
        public Attributed {
            warnings = List.copyOf(warnings);
        }
    }
}
