package dev.goodput.core.derive;

/** The measurement window [startUs, endUs), epoch microseconds. */
public record Window(long startUs, long endUs) {
    public Window {
        if (endUs < startUs) {
            throw new IllegalArgumentException("window end before start");
        }
    }

    public long durationUs() {
        return endUs - startUs;
    }

    public boolean contains(long t) {
        return t >= startUs && t < endUs;
    }
}
