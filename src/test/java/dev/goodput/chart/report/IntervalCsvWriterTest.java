package dev.goodput.chart.report;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.report.HumanFormat;
import dev.goodput.testing.SampleRuns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interval CSV is the window's partition, row for row: nothing missing, doubled or rounded away. */
class IntervalCsvWriterTest {
    private static List<CSVRecord> rows(Derivation d, List<String> header) throws Exception {
        StringWriter out = new StringWriter();
        new IntervalCsvWriter().write(d, out);
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(out.toString()))) {
            header.addAll(p.getHeaderNames());
            return p.getRecords();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleRuns.CLEAN, SampleRuns.BLOOM, SampleRuns.LLAMA})
    void oneRowPerIntervalAddingUpToTheWindow(String sample) throws Exception {
        Derivation d = SampleRuns.derive(sample);
        List<String> header = new ArrayList<>();
        List<CSVRecord> rows = rows(d, header);
        assertEquals(List.of(IntervalCsvWriter.HEADER), header);
        assertEquals(d.intervals().size(), rows.size());
        double seconds = 0;
        BigDecimal exact = BigDecimal.ZERO;
        for (CSVRecord row : rows) {
            seconds += Double.parseDouble(row.get("duration_seconds"));
            exact = exact.add(new BigDecimal(row.get("duration_seconds")));
        }
        assertEquals(d.window().durationUs() / 1e6, seconds, 1e-6);
        assertEquals(0, BigDecimal.valueOf(d.window().durationUs(), 6).compareTo(exact), "exact to the microsecond");
        assertEquals(HumanFormat.iso(d.window().startUs()), rows.get(0).get("start"));
        assertEquals(HumanFormat.iso(d.window().endUs()), rows.get(rows.size() - 1).get("end"));
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleRuns.CLEAN, SampleRuns.BLOOM, SampleRuns.LLAMA})
    void rowsFollowEachOtherAndSayTheirState(String sample) throws Exception {
        Derivation d = SampleRuns.derive(sample);
        List<CSVRecord> rows = rows(d, new ArrayList<>());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Interval iv = d.intervals().get(i);
            if (i > 0) {
                assertEquals(rows.get(i - 1).get("end"), row.get("start"), "row " + (i + 1));
            }
            assertEquals(iv.productive() ? "productive" : "lost", row.get("state"));
            if (iv.productive()) {
                assertEquals("", row.get("layer") + row.get("cause") + row.get("cause_label"));
            } else {
                assertTrue(Set.of("infra", "framework", "model").contains(row.get("layer")), row.toString());
                assertTrue(!row.get("cause").isEmpty() && !row.get("cause_label").isEmpty(), row.toString());
            }
            assertEquals(iv.source().toString(), row.get("source"));
            assertEquals(iv.acceleratorsInUse(), Integer.parseInt(row.get("accelerators_in_use")));
        }
    }
}
