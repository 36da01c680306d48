package dev.goodput.core.model;

import java.util.Locale;

/** How model FLOPs per step were obtained. */
public enum FlopConvention {
    /** FLOPs per step given directly in the run metadata. */
    GIVEN("given"),
    /** 6 · parameters · tokens (Kaplan et al.): forward + backward of a dense transformer, no attention term. */
    SIX_N_D("6nd"),
    /** PaLM (Chowdhery et al., App. B): 6·N + 12·L·H·Q·T FLOPs per token, attention included. */
    PALM("palm"),
    /**
     * The trainer's own per-step figure ({@link StepTable#reportedFlopRate(int)}): its MFU times its peak, or its
     * model TFLOP/s per accelerator; {@link RunMetadata#reportedFlops()} says which.
     */
    REPORTED("reported");

    private final String id;

    FlopConvention(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static FlopConvention parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (FlopConvention c : values()) {
            if (c.id.equals(t) || c.name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        return null;
    }
}
