package dev.goodput.core.derive;

import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.StepTable;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The step-number set answers as a plain set does, dense (a bitmap) or sparse (hashed), at any numbers. */
class StepNumbersProperties {
    @Property(tries = 300)
    void answersAsAPlainSet(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(3000);
        long base = r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(1000) - 500;
        long spread = r.nextBoolean() ? n : r.nextBoolean() ? 64L * n * 4 : Long.MAX_VALUE;
        RunBuilder b = new RunBuilder();
        int[] attempt = new int[n];
        for (int i = 0; i < n; i++) {
            long number = r.nextInt(20) == 0 ? Long.MIN_VALUE + r.nextInt(2) : base + r.nextLong(spread);
            b.step(number, i, i + 1, -1, "f", i + 1);
            attempt[i] = r.nextInt(10) == 0 ? -1 : 0;
        }
        StepTable s = b.build().steps();
        StepNumbers seen = StepNumbers.of(s, attempt);
        Set<Long> plain = new HashSet<>();
        for (int i = s.size() - 1; i >= 0; i--) {
            if (attempt[i] >= 0) {
                assertEquals(plain.add(s.number(i)), seen.add(s.number(i)), "step " + s.number(i));
            }
        }
    }
}
