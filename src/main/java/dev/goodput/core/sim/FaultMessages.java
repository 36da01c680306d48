package dev.goodput.core.sim;

import dev.goodput.core.model.CauseCatalog;

import java.util.Map;

/**
 * What a log line for a fault of each Llama 3 Table 5 cause might say; illustrative, not quoted. Keyed by the
 * catalogue's causes, the simulator's ids; a cause without a line here is said by its catalogue label.
 */
final class FaultMessages {
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry(CauseCatalog.FAULTY_GPU.id(), "GPU has fallen off the bus (Xid 79)"),
            Map.entry(CauseCatalog.GPU_HBM3_MEMORY.id(), "uncorrectable double-bit ECC error in HBM3 (Xid 48)"),
            Map.entry(CauseCatalog.SOFTWARE_BUG.id(), "training process exited with an unhandled exception"),
            Map.entry(CauseCatalog.NETWORK_SWITCH_CABLE.id(), "RoCE link down; collective timed out"),
            Map.entry(CauseCatalog.HOST_MAINTENANCE.id(), "host taken out for unplanned maintenance"),
            Map.entry(CauseCatalog.GPU_SRAM_MEMORY.id(), "uncorrectable ECC error in GPU SRAM"),
            Map.entry(CauseCatalog.GPU_SYSTEM_PROCESSOR.id(), "GPU System Processor RPC timeout (Xid 119)"),
            Map.entry(CauseCatalog.NIC.id(), "NIC port down"),
            Map.entry(CauseCatalog.NCCL_WATCHDOG_TIMEOUTS.id(), "NCCL watchdog: collective operation timed out"),
            Map.entry(CauseCatalog.SILENT_DATA_CORRUPTION.id(),
                    "silent data corruption: result mismatch on re-execution"),
            Map.entry(CauseCatalog.GPU_THERMAL_INTERFACE_SENSOR.id(), "GPU thermal sensor fault"),
            Map.entry(CauseCatalog.SSD.id(), "local SSD I/O error"),
            Map.entry(CauseCatalog.POWER_SUPPLY.id(), "power supply unit failure"),
            Map.entry(CauseCatalog.SERVER_CHASSIS.id(), "server chassis fault"),
            Map.entry(CauseCatalog.IO_EXPANSION_BOARD.id(), "PCIe IO expansion board fault"),
            Map.entry(CauseCatalog.DEPENDENCY.id(), "external dependency failed"),
            Map.entry(CauseCatalog.CPU.id(), "CPU machine-check exception"),
            Map.entry(CauseCatalog.SYSTEM_MEMORY.id(), "uncorrectable host memory error"));

    private FaultMessages() {
    }

    static String forCause(FailureRate cause) {
        String m = MESSAGES.get(cause.cause());
        return m != null ? m : cause.label() + " failure";
    }
}
