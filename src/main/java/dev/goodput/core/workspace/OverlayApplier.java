package dev.goodput.core.workspace;

import dev.goodput.core.attribution.AttributedDerivation;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.derive.Derivation;

/**
 * Applies a workspace's overlay to a derivation of its inputs: what opening a workspace (or {@code goodput
 * report --workspace}) does after deriving. The workspace only stores and carries the overlay; how it applies
 * is the attribution package's business, reached through this one seam.
 */
@FunctionalInterface
public interface OverlayApplier {
    /**
     * The attribution package's one-pass attribution, as a derivation: the attributed pieces as its intervals and
     * the report they give, so reports and charts of it show the attributions. (The workbench keeps an
     * {@code IncrementalAttribution} instead, to follow edits.)
     */
    OverlayApplier ATTRIBUTION = (base, overlay) -> {
        AttributedDerivation a = AttributedDerivation.of(base, overlay);
        return new Derivation(base.run(), base.window(),
                a.intervals().stream().map(AttributedInterval::interval).toList(), base.attempts(), a.report());
    };

    /** The derivation with the overlay's tags, rules and fault roles applied; {@code base} is left as it is. */
    Derivation apply(Derivation base, Overlay overlay);
}
