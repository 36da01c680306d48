package dev.goodput.core.io.logs;

import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.goodput.core.io.logs.TorchElasticTestSupport.inYear;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.of;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.read;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.resource;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.unknown;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.utc;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TorchElasticRecogniserTest {
    static final Path BASICSR = resource("nccl_watchdog_timeout__basicsr_issue737_excerpt.log");

    @Test
    void oneWatchdogTimeoutForACollectiveThatEveryRankReports() throws Exception {
        FileEvents f = read(BASICSR);
        assertEquals(List.of("torchelastic"), List.copyOf(f.formats().keySet()));
        List<TrainerEvent.Fault> faults = of(f, TrainerEvent.Fault.class);
        assertEquals(1, faults.size(), "ranks 1, 0 and 2 report SeqNum 808: one fault, the first rank's");
        TrainerEvent.Fault w = faults.get(0);
        assertEquals("nccl_watchdog_timeouts", w.cause());
        assertEquals(Layer.INFRA, w.layer());
        assertEquals(1, w.rank());
        assertEquals("Watchdog caught collective operation timeout: WorkNCCL(SeqNum=808, OpType=ALLREDUCE, "
                + "NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for 600020 milliseconds before timing "
                + "out.", w.message(), "the rank's own words, from the watchdog's phrase on");
        assertEquals("nccl_watchdog_timeout", w.rule());
        assertEquals(600_000, new dev.goodput.core.model.FaultEvent(w.timeUs(), w.cause(), w.message(), w.node(),
                w.rank(), w.layer(), w.source(), w.rule()).watchdogTimeoutMs(),
                "its Timeout(ms), for the cascade window");
        // "[rank1]:[E626 06:24:44.903881913 ProcessGroupNCCL.cpp:616]": c10's stamp, without a year.
        assertEquals(utc(2025, 6, 26, 6, 24, 44, 903_881), inYear(w.timeUs(), 2025));
    }

    @Test
    void illegalMemoryAccessIsTheRootCauseThenTheTeardownThenTheChildFailedErrorBlock() throws Exception {
        FileEvents f = read(TorchtitanRecogniserTest.ILLEGAL_ACCESS);
        List<TrainerEvent.Fault> faults = of(f, TrainerEvent.Fault.class);
        assertEquals(3, faults.size(), faults.toString());
        TrainerEvent.Fault cuda = faults.get(0);
        assertEquals("software_bug", cuda.cause(), "an illegal memory access is the program's kernel or index bug");
        assertEquals("cuda_program_error", cuda.rule());
        assertEquals(Layer.FRAMEWORK, cuda.layer());
        assertEquals("CUDA error: an illegal memory access was encountered", cuda.message());
        assertEquals(0, cuda.rank());
        assertEquals(utc(2026, 5, 19, 19, 52, 14, 553_434), inYear(cuda.timeUs(), 2026));
        assertEquals(60, cuda.source().line(), "the watchdog's line; its what() copy is the same failure");
        TrainerEvent.Fault teardown = faults.get(1);
        assertEquals("unattributed_downtime", teardown.cause(), "a teardown says nothing of why");
        assertNull(teardown.rule());
        assertTrue(teardown.message().contains("SIGTERM"), teardown.message());
        assertEquals(utc(2026, 5, 19, 19, 52, 19, 991_000), inYear(teardown.timeUs(), 2026));
        TrainerEvent.Fault root = faults.get(2);
        assertEquals("exitcode -6 (SIGABRT) on host devgpu020.snb3.facebook.com rank 0; 7 other failures (SIGTERM ×7)",
                root.message());
        assertEquals(utc(2026, 5, 19, 19, 52, 19, 0), root.timeUs(), "the block's time field, in the file's zone");
        assertEquals(0, root.rank());
        assertEquals("devgpu020.snb3.facebook.com", root.node());
        assertEquals("unattributed_downtime", root.cause(), "a signal says nothing of why");
        assertEquals(257, root.source().line(), "Root Cause (first observed failure):");
        TrainerEvent.Launch launch = of(f, TrainerEvent.Launch.class).get(0);
        assertEquals(utc(2026, 5, 19, 19, 50, 31, 611_000), inYear(launch.timeUs(), 2026));
        assertEquals(List.of("8"), of(f, TrainerEvent.Setting.class).stream()
                .filter(s -> s.key() == TrainerEvent.SettingKey.WORLD_SIZE).map(TrainerEvent.Setting::value).toList());
    }

    @Test
    void watchdogTimeoutBeforeTheFirstStep() throws Exception {
        List<TrainerEvent.Fault> faults = of(read(TorchtitanRecogniserTest.WATCHDOG), TrainerEvent.Fault.class);
        assertEquals(3, faults.size(), faults.toString());
        assertEquals("nccl_watchdog_timeouts", faults.get(0).cause());
        assertEquals("Watchdog caught collective operation timeout: WorkNCCL(SeqNum=3, OpType=_ALLGATHER_BASE, "
                + "NumelIn=97239680, NumelOut=777917440, Timeout(ms)=300000) ran for 300051 milliseconds before timing "
                + "out.", faults.get(0).message());
        assertEquals(utc(2026, 5, 20, 6, 31, 5, 50_097), inYear(faults.get(0).timeUs(), 2026));
        TrainerEvent.Fault root = faults.get(2);
        assertEquals(1, root.rank(), "the root cause is rank 1, whose failed line it merges");
        assertEquals("exitcode -6 (SIGABRT) on host devgpu020.snb3.facebook.com rank 1; 7 other failures (SIGABRT ×7)",
                root.message());
    }

    @Test
    void missingNetPluginIsAConfigurationErrorFromTheWarningToTheRootCause() throws Exception {
        List<TrainerEvent.Fault> faults = of(read(TorchtitanRecogniserTest.NO_NET_PLUGIN), TrainerEvent.Fault.class);
        assertEquals(4, faults.size(), faults.toString());
        TrainerEvent.Fault warn = faults.get(0);
        assertEquals("config_error", warn.cause(), "no NET plugin could load: how NCCL was set up, not the network");
        assertEquals("nccl_no_net_plugin", warn.rule());
        assertEquals(Layer.FRAMEWORK, warn.layer());
        assertEquals("NCCL WARN Failed to initialize any NET plugin", warn.message());
        assertEquals("devgpu020", warn.node());
        assertEquals(utc(2026, 5, 20, 5, 30, 42, 0), warn.timeUs());
        TrainerEvent.Fault exception = faults.get(1);
        assertEquals("config_error", exception.cause(), "NCCL's 'invalid usage'");
        assertEquals("nccl_invalid_usage", exception.rule());
        assertTrue(exception.message().startsWith("torch.distributed.DistBackendError: NCCL error in:"),
                exception.message());
        assertEquals(0, exception.rank());
        assertTrue(unknown(exception.timeUs()), "a traceback's line has no time");
        TrainerEvent.Fault root = faults.get(3);
        assertEquals("unattributed_downtime", root.cause(),
                "the workers' own lines said why: the agent's summary restates it");
        assertEquals(6, root.rank());
        assertTrue(root.message().startsWith("exitcode 1 on host devgpu020.snb3.facebook.com rank 6: "
                + "torch.distributed.DistBackendError: NCCL error in:"), root.message());
        assertTrue(root.message().endsWith("; 7 other failures (exitcode 1 ×3, SIGTERM ×4)"), root.message());
    }

    @Test
    void theAgentsLinesAloneGiveTheRootCauseFromItsTraceback(@TempDir Path dir) throws Exception {
        // Only the agent's output (from its failed line on), as when the workers log elsewhere.
        List<String> lines = Files.readAllLines(TorchtitanRecogniserTest.NO_NET_PLUGIN, StandardCharsets.UTF_8);
        Path agent = write(dir, "agent.log", String.join("\n", lines.subList(61, lines.size())));
        List<TrainerEvent.Fault> faults = of(read(agent), TrainerEvent.Fault.class);
        assertEquals(1, faults.size(), faults.toString());
        assertEquals("config_error", faults.get(0).cause());
        assertEquals("nccl_invalid_usage", faults.get(0).rule(), "classified on the block's exception");
        assertEquals(Layer.FRAMEWORK, faults.get(0).layer());
        assertEquals(utc(2026, 5, 20, 5, 30, 42, 0), faults.get(0).timeUs());
    }

    @Test
    void ftLauncherInJobRestart() throws Exception {
        FileEvents f = read(NemoRecogniserTest.CRASH);
        List<TrainerEvent> launcher = f.events().stream().filter(e -> e instanceof TrainerEvent.Launch
                || e instanceof TrainerEvent.Restart || e instanceof TrainerEvent.Fault).toList();
        assertEquals(5, launcher.size(), launcher.toString());
        assertTrue(launcher.get(0) instanceof TrainerEvent.Launch);
        assertEquals(utc(2025, 3, 7, 22, 36, 48, 816_000), launcher.get(0).timeUs());
        TrainerEvent.Fault crash = (TrainerEvent.Fault) launcher.get(1);
        assertEquals("software_bug", crash.cause());
        assertEquals("Exception: Simulating a crash at step 17!", crash.message());
        assertEquals(2, crash.rank(), "the first of the eight ranks that raised it");
        TrainerEvent.Fault teardown = (TrainerEvent.Fault) launcher.get(2);
        assertEquals(utc(2025, 3, 7, 22, 39, 35, 153_000), teardown.timeUs());
        TrainerEvent.Fault failed = (TrainerEvent.Fault) launcher.get(3);
        assertEquals("worker local_rank 2 (pid 178688) failed: exitcode 1", failed.message());
        assertEquals("4809917ea058", failed.node());
        TrainerEvent.Restart restart = (TrainerEvent.Restart) launcher.get(4);
        assertEquals(utc(2025, 3, 7, 22, 39, 36, 177_000), restart.timeUs());
        assertTrue(restart.message().contains("3/3 attempts left; will restart worker group"), restart.message());
    }

    @Test
    void theRootCauseBlockMergesTheFailedLineOfTheSamePid() throws Exception {
        FileEvents f = read(NemoRecogniserTest.STRAGGLER);
        List<TrainerEvent.Fault> launcher = of(f, TrainerEvent.Fault.class).stream()
                .filter(x -> !x.cause().equals("straggler")).toList();
        assertEquals(2, launcher.size(), launcher.toString());
        TrainerEvent.Fault root = launcher.get(1);
        assertEquals("exitcode 1 on host 4809917ea058 rank 0", root.message());
        assertEquals(utc(2025, 3, 7, 22, 44, 3, 0), root.timeUs());
        assertTrue(of(f, TrainerEvent.Fault.class).stream().noneMatch(x -> x.message().startsWith("worker local_rank")));
    }

    @Test
    void aBlockCutByTheEndOfTheFileStillGivesItsRootCause(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(TorchtitanRecogniserTest.ILLEGAL_ACCESS, StandardCharsets.UTF_8);
        Path cut = write(dir, "cut.log", String.join("\n", lines.subList(0, 263)));
        List<TrainerEvent.Fault> faults = of(read(cut), TrainerEvent.Fault.class);
        assertEquals(3, faults.size(), faults.toString());
        assertEquals("exitcode -6 (SIGABRT) on host devgpu020.snb3.facebook.com rank 0; 7 other failures (SIGTERM ×7)",
                faults.get(2).message());
    }

    @Test
    void restartsAnnouncedOrFoundInTheRendezvousAreOneEach(@TempDir Path dir) throws Exception {
        Path p = write(dir, "agent.log", """
                I0101 00:00:00.000000 100 torch/distributed/elastic/agent/server/api.py:525] [default] Rendezvous complete for workers. Result:
                I0101 00:00:00.000000 100 torch/distributed/elastic/agent/server/api.py:525]   restart_count=0
                I0101 00:00:00.000000 100 torch/distributed/elastic/agent/server/api.py:525]   global_world_sizes=[16, 16, 16, 16, 16, 16, 16, 16]
                I0101 00:00:00.100000 100 torch/distributed/elastic/agent/server/api.py:670] [default] Starting worker group
                E0101 00:10:00.000000 100 torch/distributed/elastic/multiprocessing/api.py:862] failed (exitcode: -9) local_rank: 3 (pid: 1234) of binary: /usr/bin/python
                I0101 00:10:00.100000 100 torch/distributed/elastic/agent/server/api.py:680] [default] Worker group FAILED. 2/3 attempts left; will restart worker group
                I0101 00:10:00.200000 100 torch/distributed/elastic/agent/server/api.py:525] [default] Rendezvous complete for workers. Result:
                I0101 00:10:00.200000 100 torch/distributed/elastic/agent/server/api.py:525]   restart_count=1
                I0101 00:10:00.300000 100 torch/distributed/elastic/agent/server/api.py:670] [default] Starting worker group
                I0101 00:20:00.000000 100 torch/distributed/elastic/agent/server/api.py:525] [default] Rendezvous complete for workers. Result:
                I0101 00:20:00.000000 100 torch/distributed/elastic/agent/server/api.py:525]   restart_count=2
                I0101 00:20:00.100000 100 torch/distributed/elastic/agent/server/api.py:670] [default] Starting worker group
                [2025-01-01 00:30:00,000] [WARNING] [ft_launcher@node7] Received Signals.SIGTERM death signal, shutting down workers
                """);
        FileEvents f = read(p);
        List<String> kinds = f.events().stream().filter(e -> !(e instanceof TrainerEvent.Activity)
                && !(e instanceof TrainerEvent.Setting)).map(e -> e.getClass().getSimpleName()).toList();
        assertEquals(List.of("Launch", "Fault", "Restart", "Marker", "Restart", "Marker", "Fault"), kinds);
        TrainerEvent.Fault killed = of(f, TrainerEvent.Fault.class).get(0);
        assertEquals("worker local_rank 3 (pid 1234) failed: exitcode -9 (SIGKILL)", killed.message());
        assertEquals("unattributed_downtime", killed.cause());
        assertTrue(of(f, TrainerEvent.Restart.class).get(1).message().contains("restart_count=2"));
        assertTrue(of(f, TrainerEvent.Fault.class).get(1).message().contains("received SIGTERM"));
        assertEquals(List.of("16"), of(f, TrainerEvent.Setting.class).stream().map(TrainerEvent.Setting::value).toList());
    }

    @Test
    void tracebacksOfInterleavedRanksEndInOneFaultPerFailure(@TempDir Path dir) throws Exception {
        Path p = write(dir, "ranks.log", """
                [default1]:[rank1]: Traceback (most recent call last):
                [default0]:[rank0]: Traceback (most recent call last):
                [default1]:[rank1]:   File "/w/train.py", line 10, in <module>
                [default0]:[rank0]:   File "/w/train.py", line 10, in <module>
                [default1]:[rank1]:     raise RuntimeError("CUDA error: device-side assert triggered")
                [default0]:[rank0]:     main()
                [default1]:[rank1]:     ^^^^^^
                [default1]:[rank1]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 1 has a total capacity of 79.11 GiB
                [default0]:[rank0]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 has a total capacity of 79.11 GiB
                [default0]:[rank0]: ncclInvalidUsage: not a traceback's line any more
                Traceback (most recent call last):
                  File "/w/launch.py", line 3, in <module>
                KeyboardInterrupt
                [rank0]:[W520 05:30:42.576228936 CUDACachingAllocator.cpp:495] expandable_segments: memory mapping failed with OOM on device 0
                """);
        FileEvents f = read(p);
        List<TrainerEvent.Fault> faults = of(f, TrainerEvent.Fault.class);
        assertEquals(2, faults.size(), faults.toString());
        assertEquals("gpu_oom", faults.get(0).cause());
        assertEquals(1, faults.get(0).rank());
        assertEquals(Layer.FRAMEWORK, faults.get(0).layer());
        assertEquals("gpu_out_of_memory", faults.get(0).rule());
        assertEquals("manual_stop", faults.get(1).cause());
        assertEquals("keyboard_interrupt", faults.get(1).rule());
        assertEquals(-1, faults.get(1).rank());
    }

    @Test
    void anIndentedTracebackEndsAtTheLineIndentedAsItsHead() throws Exception {
        // The Polaris excerpt keeps its Markdown indent: "Traceback" at 6 spaces, frames at 8, the exception at 6.
        FileEvents f = read(resource("alcf_megatron_deepspeed__polaris__ckpt_save_crash_excerpt.log"));
        List<TrainerEvent.Fault> faults = of(f, TrainerEvent.Fault.class);
        assertEquals(1, faults.size(), faults.toString());
        assertEquals("software_bug", faults.get(0).cause());
        assertEquals("python_exception", faults.get(0).rule());
        assertEquals("AttributeError: 'GPTModel' object has no attribute '_get_tp_replicated_param_patterns'",
                faults.get(0).message());
        assertTrue(f.formats().containsKey("megatron"), "the iteration and save lines stay Megatron's");
    }

    @Test
    void classifiedCauses() {
        assertEquals("faulty_gpu",
                TorchElasticRecogniser.classify("RuntimeError: CUDA error: unspecified launch failure").id());
        assertEquals("gpu_hbm3_memory",
                TorchElasticRecogniser.classify("CUDA error: uncorrectable ECC error encountered").id());
        assertEquals("software_bug", TorchElasticRecogniser.classify("CUDA error: misaligned address").id());
        assertEquals("gpu_oom", TorchElasticRecogniser.classify("RuntimeError: CUDA error: out of memory").id());
        assertEquals("network_switch_cable", TorchElasticRecogniser.classify(
                "node1:12:34 [0] transport/net_ib.cc:1295 NCCL WARN NET/IB : Got completion from peer 10.0.0.2<37926> "
                        + "with status=12 opcode=0 len=0 vendor err 129 (Recv)").id());
        assertNull(TorchElasticRecogniser.classify("node1:12:34 [0] NCCL WARN Cuda failure 'out of memory'"));
        assertNull(TorchElasticRecogniser.classify("expandable_segments: memory mapping failed with OOM on device 0"));
        assertEquals("gpu_oom", TorchElasticRecogniser.classify(
                "jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Out of memory while trying to allocate").id());
    }

    @Test
    void torchrunCommandLines() {
        assertEquals(8, TorchElasticRecogniser.worldSizeOfCommand("+ torchrun --nproc_per_node=8 --rdzv_backend c10d -m t"));
        assertEquals(16, TorchElasticRecogniser.worldSizeOfCommand("torchrun --nnodes=2 --nproc-per-node 8 train.py"));
        assertEquals(16, TorchElasticRecogniser.worldSizeOfCommand("torchrun --nnodes 2:2 --nproc_per_node=8 x.py"));
        assertEquals(-1, TorchElasticRecogniser.worldSizeOfCommand("torchrun --nnodes=1:4 --nproc_per_node=8 x.py"));
        assertEquals(-1, TorchElasticRecogniser.worldSizeOfCommand("torchrun --nproc_per_node=gpu x.py"));
        assertEquals(-1, TorchElasticRecogniser.worldSizeOfCommand("torchrun --nproc_per_node=${num_gpus} x.py"));
    }

    @Test
    void exceptionLines() {
        assertTrue(TorchElasticRecogniser.isExceptionLine("Exception: Simulating a crash at step 17!"));
        assertTrue(TorchElasticRecogniser.isExceptionLine("torch.distributed.DistBackendError: NCCL error in: x"));
        assertTrue(TorchElasticRecogniser.isExceptionLine("KeyboardInterrupt"));
        assertFalse(TorchElasticRecogniser.isExceptionLine("During handling of the above exception, another occurred:"));
        assertFalse(TorchElasticRecogniser.isExceptionLine("File \"/w/train.py\", line 10, in <module>"));
        assertFalse(TorchElasticRecogniser.isExceptionLine("time      : 2025-03-07_22:44:03"));
    }

    @Test
    void relayPrefixesStampsAndNumbers() {
        assertEquals(13, TorchElasticText.relayPrefixEnd("ining-demo/0 [default0]:Training epoch 0"));
        assertEquals(24, TorchElasticText.relayPrefixEnd("(pretraining, pid=4112) [NeMo I 2025-05-22 20:08:53 x]"));
        assertEquals(-1, TorchElasticText.relayPrefixEnd("I0307 22:33:45.902000 170829 torch/distributed/run.py:793]"));
        assertEquals(-1, TorchElasticText.relayPrefixEnd("src/train.py ok"));
        assertEquals(-1, TorchElasticText.relayPrefixEnd("[default0]:x/1 y"));
        long t = TimeText.glog("[E520 06:31:05.050097785 ProcessGroupNCCL.cpp:757]", 1);
        assertEquals(LogTime.yearless(5, 20, 6, 31, 5, 50_097), t);
        assertEquals(LogTime.yearless(12, 31, 23, 59, 59, 500_000),
                TimeText.glog("[W1231 23:59:59.5 x.cpp:1]", 1));
        assertEquals(Times.UNKNOWN, TimeText.glog("[E5 06:31:05 x]", 1));
        assertEquals(8911, TorchElasticText.number("tps: 8,911  tflops", 4));
        assertEquals(14_768_307_200.0, TorchElasticText.number("14,768,307,200 total", 0));
        assertEquals(1831, TorchElasticText.number("1.831e+03 |", 0));
        assertEquals(5.402, TorchElasticText.number("5.402, TFLOP/s", 0));
        assertEquals(1, TorchElasticText.number("1,23", 0));
        assertTrue(Double.isNaN(TorchElasticText.number("N/A", 0)));
        assertEquals(9, TorchElasticText.stepInPath("/ckpt/model_name=0--val_loss=0.00-step=9-consumed_samples=5120.0"));
        assertEquals(500, TorchElasticText.stepInPath("/ckpt/step-500"));
    }
}
