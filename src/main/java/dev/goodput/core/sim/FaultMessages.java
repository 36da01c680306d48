package dev.goodput.core.sim;

import java.util.Map;

/** What a log line for a fault of each Llama 3 Table 5 cause might say; illustrative, not quoted. */
final class FaultMessages {
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("faulty_gpu", "GPU has fallen off the bus (Xid 79)"),
            Map.entry("gpu_hbm3_memory", "uncorrectable double-bit ECC error in HBM3 (Xid 48)"),
            Map.entry("software_bug", "training process exited with an unhandled exception"),
            Map.entry("network_switch_cable", "RoCE link down; collective timed out"),
            Map.entry("host_maintenance", "host taken out for unplanned maintenance"),
            Map.entry("gpu_sram_memory", "uncorrectable ECC error in GPU SRAM"),
            Map.entry("gpu_system_processor", "GPU System Processor RPC timeout (Xid 119)"),
            Map.entry("nic", "NIC port down"),
            Map.entry("nccl_watchdog_timeouts", "NCCL watchdog: collective operation timed out"),
            Map.entry("silent_data_corruption", "silent data corruption: result mismatch on re-execution"),
            Map.entry("gpu_thermal_interface_sensor", "GPU thermal sensor fault"),
            Map.entry("ssd", "local SSD I/O error"),
            Map.entry("power_supply", "power supply unit failure"),
            Map.entry("server_chassis", "server chassis fault"),
            Map.entry("io_expansion_board", "PCIe IO expansion board fault"),
            Map.entry("dependency", "external dependency failed"),
            Map.entry("cpu", "CPU machine-check exception"),
            Map.entry("system_memory", "uncorrectable host memory error"));

    private FaultMessages() {
    }

    static String forCause(FailureRate cause) {
        return MESSAGES.getOrDefault(cause.cause(), cause.component() + " failure");
    }
}
