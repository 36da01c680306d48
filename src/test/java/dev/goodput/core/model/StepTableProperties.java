package dev.goodput.core.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The step table's builder gives what a plain list of rows gives — sorted by start (stable), exact duplicates
 * dropped — however it is fed: rates on some steps only (the first one in any chunk), several files, rows across
 * several chunks, and tables built midway while the builder goes on, which must leave the tables built before
 * unchanged.
 */
class StepTableProperties {
    private record Row(long number, long start, long end, long tokens, double rate, String file, int line) {
        boolean sameStep(Row o) {
            return number == o.number && start == o.start && end == o.end && tokens == o.tokens;
        }
    }

    @Property(tries = 300)
    void builderEqualsAPlainListOfRows(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StepTable.Builder b = new StepTable.Builder();
        List<Row> rows = new ArrayList<>();
        List<StepTable> built = new ArrayList<>();
        List<String> expectedOfBuilt = new ArrayList<>();
        int n = r.nextInt(r.nextBoolean() ? 40 : r.nextBoolean() ? 5000 : 3 * StepTable.Builder.CHUNK + 100);
        boolean withRates = r.nextInt(3) == 0;
        int files = 1 + (r.nextInt(3) == 0 ? r.nextInt(3) : 0);
        boolean sorted = r.nextBoolean();
        long t = 1_000_000;
        for (int i = 0; i < n; i++) {
            if (r.nextInt(n > 20_000 ? 20_000 : 800) == 0) {
                StepTable table = b.build();
                built.add(table);
                expectedOfBuilt.add(text(table));
                assertEquals(text(expected(rows)), expectedOfBuilt.get(expectedOfBuilt.size() - 1));
            }
            Row row;
            if (!rows.isEmpty() && r.nextInt(20) == 0) {
                Row o = rows.get(r.nextInt(rows.size()));
                row = new Row(o.number, o.start, o.end, o.tokens, Double.NaN, "f0", i + 1); // a duplicate
            } else {
                t += sorted ? r.nextInt(3) * 1000L : r.nextInt(-5000, 5000);
                double rate = withRates && (r.nextInt(4) == 0 || i == n - 1) && i > n / 3 ? r.nextInt(1000) * 1e12
                        : Double.NaN; // the first rate after some chunks of none
                row = new Row(r.nextInt(1000), t, r.nextInt(5) == 0 ? Times.UNKNOWN : t + r.nextInt(5000),
                        r.nextInt(4) == 0 ? -1 : r.nextInt(100), rate, "f" + (i * files / Math.max(1, n)), i + 1);
            }
            rows.add(row);
            b.add(row.number, row.start, row.end, row.tokens, row.rate, row.file, row.line);
        }
        StepTable table = b.build();
        assertEquals(text(expected(rows)), text(table));
        for (int i = 0; i < built.size(); i++) {
            assertEquals(expectedOfBuilt.get(i), text(built.get(i)), "a table built earlier is unchanged");
        }
    }

    private static List<Row> expected(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::start)); // stable
        List<Row> kept = new ArrayList<>();
        for (Row row : sorted) {
            boolean duplicate = false;
            for (int j = kept.size() - 1; j >= 0 && kept.get(j).start == row.start; j--) {
                duplicate |= kept.get(j).sameStep(row);
            }
            if (!duplicate) {
                kept.add(row);
            }
        }
        return kept;
    }

    private static String text(List<Row> rows) {
        StringBuilder out = new StringBuilder().append(rows.size()).append('\n');
        for (Row row : rows) {
            out.append(row.number).append(' ').append(row.start).append(' ').append(row.end).append(' ')
                    .append(row.tokens).append(' ').append(row.rate).append(' ')
                    .append(new Source(row.file, row.line)).append('\n');
        }
        return out.toString();
    }

    private static String text(StepTable s) {
        StringBuilder out = new StringBuilder().append(s.size()).append('\n');
        for (int i = 0; i < s.size(); i++) {
            out.append(s.number(i)).append(' ').append(s.startUs(i)).append(' ').append(s.endUs(i)).append(' ')
                    .append(s.tokens(i)).append(' ').append(s.reportedFlopRate(i)).append(' ').append(s.source(i))
                    .append('\n');
        }
        return out.toString();
    }
}
