package dev.goodput.app;

import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.load.RunFiles;
import dev.goodput.core.model.Run;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A run source that starts reading the files the workbench opens at start-up at once, on its own thread, while
 * JavaFX builds and shows the window: the first open then finds them read (or waits for the rest). Only the first
 * read is served so; anything else (another file, a reload) reads afresh.
 */
final class PrefetchedRunSource implements RunSource {
    private final RunSource delegate;
    private final List<Path> files;
    private CompletableFuture<Run> prefetched;

    private PrefetchedRunSource(RunSource delegate, List<Path> files, CompletableFuture<Run> prefetched) {
        this.delegate = delegate;
        this.files = files;
        this.prefetched = prefetched;
    }

    /** Starts reading {@code named} (run files, folders expanded as the load does) with {@code delegate}. */
    static RunSource start(RunSource delegate, List<Path> named) {
        List<Path> files;
        try {
            files = RunFiles.list(named);
        } catch (Exception e) {
            return delegate; // the open will say why, as it would have
        }
        CompletableFuture<Run> read = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                read.complete(delegate.read(files));
            } catch (Throwable e) {
                read.completeExceptionally(e);
            }
        }, "run-prefetch");
        t.setDaemon(true);
        t.start();
        return new PrefetchedRunSource(delegate, files, read);
    }

    @Override
    public Run read(List<Path> requested) throws Exception {
        CompletableFuture<Run> read = take();
        if (read == null || !requested.equals(files)) {
            return delegate.read(requested);
        }
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause(); // out of memory: the load reports it as such
            }
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    @Override
    public LoadOptions options() {
        return delegate.options();
    }

    /** The prefetched read, once: a second read of the same files is a reload and reads them again. */
    private synchronized CompletableFuture<Run> take() {
        CompletableFuture<Run> read = prefetched;
        prefetched = null;
        return read;
    }
}
