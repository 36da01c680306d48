package dev.goodput.core.io.logs;

import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.goodput.core.io.logs.TorchElasticTestSupport.crlf;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.gzip;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.inYear;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.of;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.read;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.resource;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.utc;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeLogRecogniserTest {
    static final Path XID119 = resource("gpud__dmesg_xid119_gsp_timeout_xe9680.log");
    static final Path XID13 = resource("gpud__dmesg_xid13_xid43_excerpt.log");

    private static List<TrainerEvent.Fault> faults(Path p) throws Exception {
        return of(read(p, "node"), TrainerEvent.Fault.class);
    }

    @Test
    void gspTimeoutOnceAMinuteWithItsRepeatsCountedAndItsHistoryAndCallTraceIgnored() throws Exception {
        FileEvents f = read(XID119, "node");
        List<TrainerEvent.Fault> faults = of(f, TrainerEvent.Fault.class);
        assertEquals(faults.size(), f.events().size());
        // Xid 119 at 16:24:18, :24 and :30 (one group), 16:27:12, 16:30:13 (more than 60 s after the group's first).
        assertEquals(3, faults.size(), faults.toString());
        assertEquals(5L, f.formats().get("node"), "the five Xid lines; history, call trace and rate limit are not taken");
        TrainerEvent.Fault first = faults.get(0);
        assertEquals("gpu_system_processor", first.cause());
        assertEquals(Layer.INFRA, first.layer());
        assertEquals(-1, first.rank());
        assertEquals("PCI:0000:9b:00", first.node());
        assertEquals(3, first.source().line());
        assertEquals(utc(2025, 2, 23, 16, 24, 18, 0), first.timeUs(), "dmesg -T's [Sun Feb 23 16:24:18 2025]");
        assertTrue(first.message().startsWith("Xid (PCI:0000:9b:00): 119, pid=2024380, name=nvidia-smi, Timeout after"
                + " 6s of waiting for RPC response from GPU4 GSP!"), first.message());
        assertTrue(first.message().endsWith("(repeated 3 times within 60 s)"), first.message());
        assertEquals(42, faults.get(1).source().line());
        assertEquals(utc(2025, 2, 23, 16, 27, 12, 0), faults.get(1).timeUs());
        assertFalse(faults.get(1).message().contains("repeated"));
        assertEquals(43, faults.get(2).source().line());
    }

    @Test
    void sixteenXid13InAMillisecondAreOneFaultThenXid43() throws Exception {
        List<TrainerEvent.Fault> faults = faults(XID13);
        assertEquals(2, faults.size(), faults.toString());
        TrainerEvent.Fault x13 = faults.get(0);
        assertEquals("software_bug", x13.cause());
        assertEquals(Layer.FRAMEWORK, x13.layer());
        assertEquals("PCI:0000:38:00", x13.node());
        assertEquals(utc(2025, 1, 21, 4, 41, 44, 283_302), x13.timeUs(), "the ISO time after 'kern  :warn  : '");
        assertTrue(x13.message().startsWith("Xid (PCI:0000:38:00): 13, pid='<unknown>', name=<unknown>, Graphics SM"),
                x13.message());
        assertTrue(x13.message().endsWith("(repeated 16 times within 60 s)"), x13.message());
        TrainerEvent.Fault x43 = faults.get(1);
        assertEquals("software_bug", x43.cause());
        assertEquals(17, x43.source().line());
        assertEquals(utc(2025, 1, 21, 4, 41, 44, 287_197), x43.timeUs());
        assertTrue(x43.message().startsWith("Xid (PCI:0000:38:00): 43, pid=2924364, name=pt_main_thread"));
    }

    @Test
    void noOtherFormatTakesTheNodeLogsLines() throws Exception {
        for (Path p : List.of(XID119, XID13)) {
            FileEvents all = read(p);
            assertEquals(Set.of("node"), all.formats().keySet(), p.toString());
            assertEquals(faults(p), of(all, TrainerEvent.Fault.class));
        }
    }

    @Test
    void takesNoLineOfTheOtherFormatsSampleLogs() throws Exception {
        List<Path> logs;
        try (Stream<Path> s = Files.list(XID13.getParent())) {
            logs = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().startsWith("gpud__"))
                    .filter(p -> !p.getFileName().toString().startsWith("kernel_")).sorted().toList();
        }
        assertTrue(logs.size() > 10, logs.toString());
        for (Path p : logs) {
            // All formats, so that the others take their lines first; the node format must then take none.
            FileEvents f = readOrNone(p, LoadMode.LENIENT);
            if (f != null) {
                assertFalse(f.formats().containsKey("node"), p + ": " + f.formats());
            }
            // And alone: not a line of it.
            assertEquals(null, readOrNone(p, LoadMode.LENIENT, "node"), p.toString());
        }
    }

    @Test
    void crlfAndGzipGiveTheSameFaults(@TempDir Path dir) throws Exception {
        List<TrainerEvent.Fault> plain = faults(XID119);
        List<TrainerEvent.Fault> fromCrlf = faults(crlf(XID119, dir));
        List<TrainerEvent.Fault> fromGz = faults(gzip(XID13, dir));
        assertEquals(plain.stream().map(TrainerEvent.Fault::message).toList(),
                fromCrlf.stream().map(TrainerEvent.Fault::message).toList());
        assertEquals(plain.stream().map(TrainerEvent.Fault::timeUs).toList(),
                fromCrlf.stream().map(TrainerEvent.Fault::timeUs).toList());
        assertEquals(faults(XID13).stream().map(TrainerEvent.Fault::message).toList(),
                fromGz.stream().map(TrainerEvent.Fault::message).toList());
    }

    /** Kernel lines pasted in public issues (NOTICE.md names each), in their own time formats, each classified. */
    @Test
    void realKernelLinesOfPublicIssuesGetTheirRules() throws Exception {
        FileEvents f = read(resource("kernel_fault_lines__github_issues.log"), "node");
        List<String> got = of(f, TrainerEvent.Fault.class).stream()
                .map(x -> x.source().line() + " " + x.cause() + " " + x.rule()).toList();
        assertEquals(List.of(
                "1 faulty_gpu xid_fallen_off_bus",
                "2 software_bug xid_application_fault",
                "3 unattributed_downtime null",
                "4 gpu_hbm3_memory xid_hbm_ecc",
                "5 gpu_hbm3_memory xid_hbm_ecc",
                "6 host_oom host_oom_kill",
                "8 ssd ext4_error",
                "9 software_bug xid_application_fault",
                "10 unattributed_downtime null"), got, "Xid 109 and Xid 45 (caused by a previous Xid) are no rule's");
        TrainerEvent.Fault oom = of(f, TrainerEvent.Fault.class).get(5);
        assertTrue(oom.message().startsWith("Out of memory: Killed process 1440763 (perl)"),
                "the oom-kill: line and the Killed process line of pid 1440763 are one fault: " + oom.message());
        assertEquals(utc(2024, 4, 29, 12, 55, 41, 679_685), oom.timeUs(), "+02:00");
        assertEquals("worker4", of(f, TrainerEvent.Fault.class).get(3).node());
    }

    // Hand-written lines (not copied from a real log) in the kernel's formats, for the kinds the gpud files lack.

    @Test
    void journalLinesOfEachKindByHand(@TempDir Path dir) throws Exception {
        Path p = write(dir, "kern.log", String.join("\n",
                "Jul  6 16:50:15 gpu-node-7 kernel: NVRM: Xid (PCI:0000:9b:00): 79, pid=1234, name=python, GPU has fallen off the bus.",
                "Jul  6 16:50:15 gpu-node-7 kernel: NVRM: GPU 0000:9b:00.0: GPU has fallen off the bus.",
                "Jul  6 16:51:00 gpu-node-7 kernel: NVRM: Xid (PCI:0000:1b:00): 48, pid=1234, name=python, An uncorrectable double bit error (DBE) has been detected on GPU in the framebuffer at partition 6, subpartition 0.",
                "Jul  6 16:51:01 gpu-node-7 kernel: NVRM: Xid (PCI:0000:1b:00): 63, pid=1234, name=python, Row Remapper: New row marked for remapping, reset gpu to activate.",
                "Jul  6 16:51:02 gpu-node-7 kernel: NVRM: GPU at PCI:0000:1b:00: uncorrectable ECC error detected",
                "Jul  6 16:52:00 gpu-node-7 kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0-1,task=python,pid=4242,uid=1000",
                "Jul  6 16:52:00 gpu-node-7 kernel: Out of memory: Killed process 4242 (python) total-vm:812345678kB, anon-rss:512345678kB",
                "Jul  6 16:53:00 gpu-node-7 kernel: mlx5_core 0000:0c:00.0: mlx5_port_module_event:1151: Port module event: module 0, Cable unplugged",
                "Jul  6 16:53:01 gpu-node-7 kernel: mlx5_core 0000:0c:00.0 ib0: Link down",
                "Jul  6 16:53:02 gpu-node-7 kernel: mlx5_core 0000:0c:00.0: Port 1 state DOWN",
                "Jul  6 16:54:00 gpu-node-7 kernel: EXT4-fs error (device nvme0n1p1): ext4_find_entry:1455: inode #2: comm python: reading directory lblock 0",
                "Jul  6 16:55:00 gpu-node-7 kernel: Lustre: lustre-OST0003-osc: This client was evicted by lustre-OST0003; in progress operations using this service will fail.",
                "Jul  6 16:56:00 gpu-node-7 kernel: nfs: server fileserver not responding, still trying",
                "Jul  6 16:57:00 gpu-node-7 kernel: NVRM: Xid (PCI:0000:9b:00): 999, some future Xid.",
                "Jul  6 16:58:00 gpu-node-7 kernel: NVRM: Xid (PCI:0000:9b:00): 74, pid=1, name=x, NVLink: fatal error detected on link 3",
                "Jul  6 16:58:30 gpu-node-7 kernel: NVRM: Xid (PCI:0000:9b:00): 94, pid=1, name=x, Contained: SM (0x1). RST: No, D-RST: No",
                ""));
        FileEvents f = read(p, "node");
        List<TrainerEvent.Fault> faults = of(f, TrainerEvent.Fault.class);
        List<String> causes = faults.stream().map(TrainerEvent.Fault::cause).toList();
        assertEquals(List.of("faulty_gpu", "gpu_hbm3_memory", "gpu_hbm3_memory", "gpu_hbm3_memory", "host_oom",
                "network_switch_cable", "network_switch_cable", "ssd", "dependency", "dependency", "unattributed_downtime",
                "faulty_gpu", "gpu_hbm3_memory"), causes, faults.toString());
        TrainerEvent.Fault bus = faults.get(0);
        assertEquals("gpu-node-7", bus.node(), "the host the journal names, over the PCI id");
        assertEquals(utc(2024, 7, 6, 16, 50, 15, 0), inYear(bus.timeUs(), 2024));
        assertTrue(LogTime.isYearless(bus.timeUs()) || bus.timeUs() == utc(2024, 7, 6, 16, 50, 15, 0));
        assertEquals("Xid (PCI:0000:9b:00): 79, pid=1234, name=python, GPU has fallen off the bus.", bus.message());
        TrainerEvent.Fault oom = faults.get(4);
        assertEquals(6, oom.source().line(), "oom-kill: and 'Out of memory' of pid 4242 are one fault");
        assertEquals("Out of memory: Killed process 4242 (python) total-vm:812345678kB, anon-rss:512345678kB",
                oom.message(), "the Killed process line says more; the oom-kill: line is not counted as a repeat");
        assertEquals(Layer.INFRA, oom.layer());
        assertEquals("nfs: server fileserver not responding, still trying", faults.get(9).message());
        assertEquals("mlx5_core 0000:0c:00.0 ib0: Link down", faults.get(5).message());
        assertEquals("Xid (PCI:0000:9b:00): 999, some future Xid.", faults.get(10).message());
        // The 'Port module event' and 'GPU has fallen off the bus' follow-up lines are not faults.
        assertEquals(14L, f.formats().get("node"), "16 lines less those two");
    }

    @Test
    void dmesgTimeFormsByHand(@TempDir Path dir) throws Exception {
        Path p = write(dir, "dmesg.log", String.join("\n",
                "[Mon Jul  6 16:50:15 2026] NVRM: Xid (PCI:0000:9b:00): 79, pid=1, name=python, GPU has fallen off the bus.",
                "2026-07-06T16:51:15,123456+02:00 Out of memory: Killed process 77 (python) total-vm:1kB",
                "[ 1234.567890] EXT4-fs error (device sda1): ext4_lookup:1 comm python: deleted inode referenced",
                "[ 1234.600000] EXT4-fs error (device sda1): ext4_lookup:1 comm python: deleted inode referenced",
                "[ 1300.000000] EXT4-fs error (device sda1): ext4_lookup:1 comm python: deleted inode referenced",
                "2026-07-06T16:52:00Z gpu-node-3 kernel: ib0: link down",
                ""));
        List<TrainerEvent.Fault> faults = of(read(p, "node"), TrainerEvent.Fault.class);
        assertEquals(5, faults.size(), faults.toString());
        assertEquals(utc(2026, 7, 6, 16, 50, 15, 0), faults.get(0).timeUs(), "two spaces before a one-digit day");
        assertEquals(utc(2026, 7, 6, 14, 51, 15, 123_456), faults.get(1).timeUs(), "+02:00");
        assertEquals("Out of memory: Killed process 77 (python) total-vm:1kB", faults.get(1).message());
        TrainerEvent.Fault boot = faults.get(2);
        assertEquals(Times.UNKNOWN, boot.timeUs(), "seconds since boot are no wall time");
        assertEquals("ssd", boot.cause());
        assertTrue(boot.message().startsWith("EXT4-fs error (device sda1)"), boot.message());
        assertTrue(boot.message().endsWith("(repeated 2 times within 60 s)"), "1234.6 s joins 1234.57 s; 1300 s not");
        assertEquals(Times.UNKNOWN, faults.get(3).timeUs());
        assertEquals(5, faults.get(3).source().line());
        assertEquals("gpu-node-3", faults.get(4).node());
        assertEquals("ib0: link down", faults.get(4).message());
        assertEquals(utc(2026, 7, 6, 16, 52, 0, 0), faults.get(4).timeUs());
    }

    @Test
    void journalWithoutHostWithBootStampsAndAFridayByHand(@TempDir Path dir) throws Exception {
        Path p = write(dir, "journal.log", String.join("\n",
                "May 18 19:02:39 kernel: NVRM: Xid (PCI:0000:2b:00): 79, GPU has fallen off the bus.",
                "Jan 18 11:38:05 localhost kernel: [  269.517039] NVRM: Xid (0000:01:00): 3, C 00000005 SC 00000007",
                "Jan 18 11:38:06 localhost kernel: [  270.000000] Out of memory: Kill process 99 (python) score 900 or sacrifice child",
                "Jan 18 11:38:06 localhost kernel: [  270.000001] oom-kill:constraint=CONSTRAINT_NONE,task=python,pid=99,uid=0",
                "[Fri Jul 10 09:05:01 2026] NVRM: Xid (PCI:0000:9b:00): 119, pid=1, name=gpud, Timeout after 6s",
                ""));
        List<TrainerEvent.Fault> faults = of(read(p, "node"), TrainerEvent.Fault.class);
        assertEquals(4, faults.size(), faults.toString());
        assertEquals("host_oom", faults.get(2).cause());
        assertEquals("Out of memory: Kill process 99 (python) score 900 or sacrifice child", faults.get(2).message(),
                "an older kernel's words; one fault with the oom-kill: line of the same pid");
        assertEquals("PCI:0000:2b:00", faults.get(0).node(), "'19:02:39 kernel:' names no host");
        assertEquals(utc(2026, 5, 18, 19, 2, 39, 0), inYear(faults.get(0).timeUs(), 2026));
        assertEquals("localhost", faults.get(1).node());
        assertEquals("Xid (0000:01:00): 3, C 00000005 SC 00000007", faults.get(1).message());
        assertEquals("unattributed_downtime", faults.get(1).cause(), "Xid 3 is no rule's");
        assertEquals(null, faults.get(1).rule());
        assertEquals(utc(2026, 1, 18, 11, 38, 5, 0), inYear(faults.get(1).timeUs(), 2026));
        assertEquals(utc(2026, 7, 10, 9, 5, 1, 0), faults.get(3).timeUs());
    }

    @Test
    void linesMentioningTheKeywordsInPassingAreNotTaken(@TempDir Path dir) throws Exception {
        Path p = write(dir, "train.log", String.join("\n",
                "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB",
                "[rank0]: the link down the hall",
                "NVRM: loading NVIDIA UNIX x86_64 Kernel Module  550.54.15",
                "I0706 16:50:15.123456 1 main.cc:12] NFS mount ok",
                ""));
        assertEquals(null, readOrNone(p, LoadMode.STRICT, "node"), "no record in it");
    }

    /** The file's events, or null when the reader found no record of the formats at all. */
    private static FileEvents readOrNone(Path p, LoadMode mode, String... formats) throws Exception {
        try {
            return read(p, mode, formats);
        } catch (dev.goodput.core.io.InputException e) {
            if (e.getMessage().contains("none found")) {
                return null;
            }
            throw e;
        }
    }

    @Test
    void aCutXidLineIsAnErrorInStrictModeOnlyWhenNotLast(@TempDir Path dir) throws Exception {
        Path cut = write(dir, "cut.log", "[Mon Jul  6 16:50:15 2026] NVRM: Xid (PCI:0000:9b:0");
        FileEvents f = read(cut, LoadMode.STRICT, "node");
        assertEquals(List.of(), f.events());
        assertEquals(1, f.problems().size(), f.problems().toString());
        Path mid = write(dir, "mid.log", "[Mon Jul  6 16:50:15 2026] NVRM: Xid (PCI:0000:9b:0\n"
                + "[Mon Jul  6 16:50:16 2026] NVRM: Xid (PCI:0000:9b:00): 79, GPU has fallen off the bus.\n");
        assertThrows(dev.goodput.core.io.InputException.class, () -> read(mid, LoadMode.STRICT, "node"));
    }

    @Test
    void aNodeLogAloneLoadsAsItsFaults() throws Exception {
        dev.goodput.core.model.Run run = new RunLoader(LoadMode.STRICT).load(List.of(XID119));
        assertNotNull(run);
        assertEquals(List.of("gpu_system_processor", "gpu_system_processor", "gpu_system_processor"),
                run.faults().stream().map(dev.goodput.core.model.FaultEvent::cause).toList());
        assertEquals(utc(2025, 2, 23, 16, 24, 18, 0), run.faults().get(0).timeUs());
        assertEquals("PCI:0000:9b:00", run.faults().get(0).node());
        dev.goodput.core.model.Run run13 = new RunLoader(LoadMode.STRICT).load(List.of(XID13));
        assertEquals(List.of("software_bug", "software_bug"),
                run13.faults().stream().map(dev.goodput.core.model.FaultEvent::cause).toList());
    }
}
