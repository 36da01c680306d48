package dev.goodput.core.io.logs;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The trainer-log formats read line by line, in the order their recognisers are tried (the most specific first,
 * and the launcher's lines last, since trainer lines may quote them). JSON formats (the canonical run log,
 * ml-goodput-measurement entries, Hugging Face's {@code trainer_state.json}) are told apart by their first record
 * instead ({@link dev.goodput.core.io.RunLoader}). The last, {@code pattern}, reads nothing until the user gives a
 * pattern ({@link #pattern(LinePattern)}).
 */
public final class LogFormats {
    /** The id of the form read by a user's pattern ({@code --line-pattern}, {@code --log-format pattern}). */
    public static final String PATTERN = "pattern";
    private static final String PATTERN_NAME = "Any log with a pattern (--line-pattern)";
    private static final String PATTERN_EXAMPLE = "time=\"2024-02-21T09:32:29Z\" level=info msg=\"Pod: "
            + "kubeflow.pytorch-simple-worker-0 exited with code 1\" job=kubeflow.pytorch-simple replica-type=worker";
    private static final String PATTERN_TAKES = "only with --line-pattern [FILE=]REGEX, a Java regex with the named "
            + "groups time and message (node and rank optional), e.g. 'time=\"(?<time>[^\"]+)\" level=\\w+ "
            + "msg=\"(?<message>Pod: \\S+ exited with code [1-9][0-9]*)\"': each line it matches is a fault at "
            + "its time (ISO-8601, dmesg -T, syslog, glog, epoch numbers, or --line-time-format), classified by "
            + "fault-rules.tsv";

    private static final List<LogFormat> ALL = List.of(
            // First: inside a table every line is its row, whatever words a job's name has.
            new LogFormat("slurm-sacct", "SLURM accounting (sacct -P, -p or the fixed-width table)",
                    "1007|1007|micro|normal|account2|user4|1004|user4|1004|2021-02-11T22:46:13|2021-02-11T22:46:13|"
                            + "2021-02-11T22:46:14|2021-02-11T23:11:14|00:25:00|0:0|COMPLETED|2|24|24|2800Mc||"
                            + "00:25:00|normal|m[1-2]|jobid_1007|",
                    "after a header naming its columns (JobID and State needed): each job and step (1001, 1001_3, "
                            + "1001+0, 1001.batch, 1001.0) with its state (CANCELLED by uid, cut values too), "
                            + "Submit, Start, End (else Start + Elapsed), NodeList expanded, ExitCode, GPUs of "
                            + "AllocTRES; the jobs become the run's attempts", SacctRecogniser::new),
            new LogFormat("mlperf", "MLPerf training (:::MLLOG)",
                    ":::MLLOG {\"namespace\": \"\", \"time_ms\": 1715043949935, \"event_type\": \"INTERVAL_START\", "
                            + "\"key\": \"eval_start\", \"value\": null, \"metadata\": {\"file\": "
                            + "\"/workspace/llm/custom_callbacks.py\", \"lineno\": 363, \"epoch_num\": 51904512}}",
                    "earliest init_start (launch), init_stop/run_start, blocks as steps of the global batch, "
                            + "eval_start/eval_stop, run_stop status; global batch, sequence length, accelerator and "
                            + "count (submission_platform, SYSJSON)", MlperfRecogniser::new),
            new LogFormat("megatron", "Megatron-LM / Megatron-DeepSpeed",
                    " [2024-04-06 02:55:45] iteration        2/     100 | consumed samples:          256 | "
                            + "elapsed time per iteration (ms): 5630.1 | throughput per GPU (TFLOP/s/GPU): 231.9 | ...",
                    "iterations (mean time over the log interval), TFLOP/s per GPU, checkpoint saves and loads "
                            + "with their timers, evaluations, datetime markers, start banners and arguments, job "
                            + "ends; DeepSpeed's own lines in Megatron-DeepSpeed logs (taken without counting a "
                            + "step twice)", MegatronRecogniser::new),
            new LogFormat("megatron-progress", "Megatron-LM progress.txt",
                    "2024-05-01 12:00:00\tJob ID: 1234\t# GPUs: 8\tStarting job",
                    "job starts with their GPU count, saved checkpoints with their iteration",
                    MegatronProgressRecogniser::new),
            new LogFormat("deepspeed", "DeepSpeed",
                    "[Rank 0] step=136005, skipped=0, lr=[2.012568679065123e-05, 2.012568679065123e-05], "
                            + "mom=[(0.9, 0.95), (0.9, 0.95)]",
                    "steps, skipped (overflow) steps, samples per second, checkpoint saves", DeepSpeedRecogniser::new),
            new LogFormat("nemo", "NeMo / NeMo 2 (Lightning)",
                    "Training epoch 0, iteration 5/19 | lr: 8.996e-07 | global_batch_size: 512 | global_step: 5 | "
                            + "reduced_train_loss: 11.03 | train_step_timing in s: 7.559 | consumed_samples: 3072",
                    "iterations (global step) and their step time, checkpoint saves and restores, evaluation, "
                            + "preemption, stragglers, world size, completion", NemoRecogniser::new),
            new LogFormat("torchtitan", "torchtitan",
                    "[titan] 2026-05-20 03:18:47,745 - root - INFO - step:  2  loss:  2.75107  grad_norm: 40.7500  "
                            + "memory: 100.35GiB(56.27%)  tps: 8,750  tflops: 737.21  mfu: 32.76%",
                    "steps, TFLOP/s and MFU (with the peak it is against), checkpoint saves and loads, the "
                            + "accelerator, completion", TorchtitanRecogniser::new),
            new LogFormat("maxtext", "MaxText",
                    "completed step: 3, seconds: 5.402, TFLOP/s/device: 141.542, Tokens/s/device: 9098.189, ...",
                    "steps with their seconds and TFLOP/s per device, checkpoint saves", MaxTextRecogniser::new),
            new LogFormat("torchelastic", "torchrun / torch.distributed.elastic / ft_launcher",
                    "torch.distributed.elastic.multiprocessing.errors.ChildFailedError:",
                    "worker group starts, failures and restarts, the root-cause block (rank, host, exit code, time), "
                            + "worker exceptions, NCCL watchdog timeouts, CUDA errors, network failures",
                    TorchElasticRecogniser::new),
            new LogFormat("slurmstepd", "Slurm's cancellation banners (slurmstepd)",
                    "slurmstepd: error: *** JOB 1234 ON node07 CANCELLED AT 2024-05-01T12:00:00 DUE TO TIME LIMIT ***",
                    "the job's end: time limit or user cancel (planned), preemption, node failure (a fault on the "
                            + "node)", SlurmStepdRecogniser::new),
            new LogFormat("node", "Node logs (kernel and GPU driver: dmesg, journal)",
                    "[Sun Feb 23 16:24:18 2025] NVRM: Xid (PCI:0000:9b:00): 119, pid=2024380, name=nvidia-smi, "
                            + "Timeout after 6s of waiting for RPC response from GPU4 GSP! Expected function 103 "
                            + "(GSP_RM_ALLOC) (0x2081 0x4).",
                    "GPU Xid errors, ECC / HBM / row-remap errors, OOM kills, network link and filesystem errors, "
                            + "each a fault classified by fault-rules.tsv (repeats within 60 s are one fault)",
                    NodeLogRecogniser::new),
            // Listed so that `goodput formats` and --log-format name it; reads nothing without a pattern.
            new LogFormat(PATTERN, PATTERN_NAME, PATTERN_EXAMPLE, PATTERN_TAKES, () -> (line, out) -> false));

    private LogFormats() {
    }

    public static List<LogFormat> all() {
        return ALL;
    }

    /** The pattern form reading lines with {@code p}. */
    public static LogFormat pattern(LinePattern p) {
        return new LogFormat(PATTERN, PATTERN_NAME, PATTERN_EXAMPLE, PATTERN_TAKES, () -> new PatternLogRecogniser(p));
    }

    /** The format with this id (case-insensitive), or null. */
    public static LogFormat byId(String id) {
        String t = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.id().equals(t)).findFirst().orElse(null);
    }

    /** "Megatron-LM / Megatron-DeepSpeed, NeMo, ..." for messages. */
    public static String describe(List<LogFormat> formats) {
        return formats.stream().map(LogFormat::name).collect(Collectors.joining(", "));
    }
}
