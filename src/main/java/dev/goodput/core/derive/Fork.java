package dev.goodput.core.derive;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A part of a derivation that does not depend on what the caller computes next: on a large run it runs on another
 * core (the common pool) meanwhile, on a small one right away, since a thread hop would cost more than it saves.
 * Either way {@link #join()} gives the same value, and a failure in it is thrown as it was thrown.
 */
final class Fork<T> {
    /** Steps from which a part is worth another core: a few milliseconds of work. */
    static final int MIN_STEPS = 1 << 16;

    private final CompletableFuture<T> apart;
    private final T value;

    private Fork(CompletableFuture<T> apart, T value) {
        this.apart = apart;
        this.value = value;
    }

    /** Starts {@code work}: on another core when {@code steps} reach {@link #MIN_STEPS}, else right away. */
    static <T> Fork<T> of(int steps, Supplier<T> work) {
        return steps >= MIN_STEPS ? new Fork<>(CompletableFuture.supplyAsync(work), null) : new Fork<>(null, work.get());
    }

    T join() {
        if (apart == null) {
            return value;
        }
        try {
            return apart.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
