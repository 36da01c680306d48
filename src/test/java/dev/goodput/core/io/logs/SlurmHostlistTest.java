package dev.goodput.core.io.logs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slurm host lists as sacct's NodeList prints them (the real ones are from the slurm_sim_tools excerpt). */
class SlurmHostlistTest {
    @Test
    void rangesKeepTheirZeroPadding() {
        assertEquals(List.of("node01", "node02", "node03", "node07"), SlurmHostlist.expand("node[01-03,07]"));
        assertEquals(List.of("node8", "node9", "node10"), SlurmHostlist.expand("node[8-10]"));
        assertEquals(List.of("n098", "n099", "n100"), SlurmHostlist.expand("n[098-100]"));
    }

    @Test
    void commasOutsideBracketsSeparateHosts() {
        // Job 1009 of the real slurm_sim_tools run.
        assertEquals(List.of("b1", "g1", "m3", "m4", "n1", "n2", "n3", "n4"),
                SlurmHostlist.expand("b1,g1,m[3-4],n[1-4]"));
        assertEquals(List.of("galvani-cn001"), SlurmHostlist.expand("galvani-cn001"));
    }

    @Test
    void severalBracketsAreEveryCombinationInOrder() {
        assertEquals(List.of("gpu-a1-b3", "gpu-a1-b4", "gpu-a2-b3", "gpu-a2-b4"),
                SlurmHostlist.expand("gpu-a[1-2]-b[3-4]"));
        assertEquals(List.of("rack1-n7", "rack3-n7"), SlurmHostlist.expand("rack[1,3]-n7"));
    }

    @Test
    void aJobThatNeverStartedHasNoHosts() {
        assertEquals(List.of(), SlurmHostlist.expand("None assigned"));
        assertEquals(List.of(), SlurmHostlist.expand(""));
    }

    @Test
    void whatIsNoHostListSaysWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SlurmHostlist.expand("node[01-03"))
                .getMessage().contains("'['"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SlurmHostlist.expand("node[a-c]"))
                .getMessage().contains("range of numbers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SlurmHostlist.expand("node[5-1]"))
                .getMessage().contains("going up"));
        assertThrows(IllegalArgumentException.class, () -> SlurmHostlist.expand("node[1-9999999]"));
        assertThrows(IllegalArgumentException.class, () -> SlurmHostlist.expand("a,,b"));
    }

    @Test
    void hostsAreWrittenBackAsOneList() {
        assertEquals("node[01-03,07]", SlurmHostlist.compress(List.of("node01", "node02", "node03", "node07")));
        assertEquals("b1,g1,m[3-4],n[1-4]", SlurmHostlist.compress(SlurmHostlist.expand("b1,g1,m[3-4],n[1-4]")));
        assertEquals("node1,node01", SlurmHostlist.compress(List.of("node1", "node01"))); // widths differ
        assertEquals("login", SlurmHostlist.compress(List.of("login")));
    }
}
