package dev.goodput.core.sim;

import java.util.SplittableRandom;

/**
 * Draws random durations in microseconds. StrictMath, not Math, so a seed gives the same run on every
 * JVM and platform.
 */
final class DurationSampler {
    private final SplittableRandom random;

    DurationSampler(SplittableRandom random) {
        this.random = random;
    }

    /** Lognormal with the given mean and coefficient of variation: positive, right-skewed, like waits. */
    long lognormal(double meanSeconds, double cv) {
        if (meanSeconds <= 0) {
            return 0;
        }
        if (cv <= 0) {
            return micros(meanSeconds);
        }
        double sigma2 = StrictMath.log1p(cv * cv);
        double mu = StrictMath.log(meanSeconds) - sigma2 / 2;
        return micros(StrictMath.exp(mu + StrictMath.sqrt(sigma2) * gaussian()));
    }

    /** Exponential waiting time for a Poisson process of {@code perSecond}; MAX_VALUE when the rate is 0. */
    long exponential(double perSecond) {
        if (perSecond <= 0) {
            return Long.MAX_VALUE / 4;
        }
        return micros(-StrictMath.log1p(-random.nextDouble()) / perSecond);
    }

    /** One training step: the mean ± Gaussian jitter, or now and then a straggler. */
    long step(StepTiming t) {
        double s = t.seconds();
        if (t.slowStepProbability() > 0 && random.nextDouble() < t.slowStepProbability()) {
            return micros(s * (1.5 + random.nextDouble() * (t.slowStepMaxFactor() - 1.5)));
        }
        // Clamped so a far tail of the Gaussian cannot make a step absurdly short.
        return micros(s * Math.max(0.5, 1 + t.jitter() * gaussian()));
    }

    /** Box–Muller: only nextDouble, whose sequence SplittableRandom specifies, feeds it. */
    private double gaussian() {
        double u1 = 1 - random.nextDouble(); // (0, 1]: log stays finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    private static long micros(double seconds) {
        return Math.max(0, Math.round(seconds * 1e6));
    }
}
