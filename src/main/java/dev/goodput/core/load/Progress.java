package dev.goodput.core.load;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a load tells the one waiting for it, and how it is stopped: the stage it enters, and whether it was
 * cancelled. The readers cannot be stopped mid-file, so a cancelled load stops at the next stage boundary.
 */
public interface Progress {
    /** Ignores stages; never cancelled (the CLI's). */
    Progress NONE = new Progress() {
        @Override
        public void stage(String what) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** The load enters a stage, e.g. {@link RunPipeline#READING}. */
    void stage(String what);

    boolean cancelled();

    /** @throws CancellationException when cancelled */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("load cancelled");
        }
    }

    /** Stages to {@code stage}, cancelled when {@code cancelled} says so. */
    static Progress of(Consumer<String> stage, BooleanSupplier cancelled) {
        return new Progress() {
            @Override
            public void stage(String what) {
                stage.accept(what);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
