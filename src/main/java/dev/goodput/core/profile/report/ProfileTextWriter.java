package dev.goodput.core.profile.report;

import dev.goodput.core.model.Problem;
import dev.goodput.core.profile.analysis.IdleTimeBreakdown;
import dev.goodput.core.profile.analysis.KernelTypeBreakdown;
import dev.goodput.core.profile.analysis.ModelBadput;
import dev.goodput.core.profile.analysis.ProfileMfu;
import dev.goodput.core.profile.analysis.RankProfile;
import dev.goodput.core.profile.analysis.StepBreakdown;
import dev.goodput.core.profile.analysis.TemporalBreakdown;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/** The profile report for terminals. */
public final class ProfileTextWriter {
    public void write(ProfileReport r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        for (RankProfile p : r.ranks()) {
            out.printf(Locale.ROOT, "Rank %d  %s  (%s)%n", p.rank(), p.device() == null ? "unknown device" : p.device(),
                    p.file());
            out.printf(Locale.ROOT, "  steps analysed %s, mean step %.3f ms%n", StepRanges.of(p.steps()),
                    p.meanStepSeconds() * 1e3);
            TemporalBreakdown t = p.temporal();
            if (Double.isNaN(t.idlePct())) {
                out.println("  GPU time  n/a (no GPU kernels, copies or sets)");
            } else {
                out.printf(Locale.ROOT, "  GPU time  idle %.2f%%  compute %.2f%%  non-compute %.2f%%  (span %.1f ms)%n",
                        t.idlePct(), t.computePct(), t.nonComputePct(), t.spanNs() / 1e6);
            }
            out.printf(Locale.ROOT, "  comm/comp overlap %s   exposed communication %.1f ms%n",
                    Double.isNaN(p.overlap().overlapPct()) ? "n/a (no communication)"
                            : String.format(Locale.ROOT, "%.2f%%", p.overlap().overlapPct()),
                    p.overlap().exposedNs() / 1e6);
            for (StepBreakdown s : p.perStep()) {
                out.printf(Locale.ROOT, "    step %-8d %9.3f ms  idle %7s  compute %7s  exposed comm %8.3f ms%s%n",
                        s.step(), s.wallNs() / 1e6, percent(s.gpu().idlePct()), percent(s.gpu().computePct()),
                        s.exposedCommunicationNs() / 1e6, s.steady() ? "" : "  (not steady)");
            }
            out.println("  idle time by stream");
            for (IdleTimeBreakdown.Row row : p.idle()) {
                out.printf(Locale.ROOT, "    stream %-5d %-12s %12.0f us  %5s%n", row.stream(),
                        row.category().name().toLowerCase(Locale.ROOT), row.idleNs() / 1000.0,
                        Double.isNaN(row.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.2f", row.ratio()));
            }
            ProfileMfu m = p.mfu();
            out.printf(Locale.ROOT, "  MFU %s  (%s FLOPs/step by %s, peak %s FLOP/s %s, %s)%n",
                    m.mfu() == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", m.mfu() * 100),
                    m.flopsPerStep() == null ? "n/a" : String.format(Locale.ROOT, "%.3e", m.flopsPerStep()),
                    m.convention() == null ? "-" : m.convention(),
                    m.peakFlops() == null ? "n/a" : String.format(Locale.ROOT, "%.3e", m.peakFlops()), m.precision(),
                    m.peakSource() == null ? "no peak" : m.peakSource());
            ModelBadput b = p.modelBadput();
            if (b != null) {
                out.printf(Locale.ROOT, "  1 − MFU = GPU idle %.1f%% + exposed comm %.1f%% + memory/other %.1f%% "
                                + "+ compute below peak %.1f%%%n", b.gpuIdle() * 100, b.exposedCommunication() * 100,
                        b.memoryAndOther() * 100, b.computeBelowPeak() * 100);
            }
            for (Problem pr : p.problems()) {
                out.printf(Locale.ROOT, "  warning: %s%n", pr);
            }
            out.println();
        }
        out.println("Kernel types (all ranks)");
        for (KernelTypeBreakdown.Row row : r.kernelTypes()) {
            out.printf(Locale.ROOT, "  %-60s %12.0f us  %5.1f%%%n", row.type(), row.ns() / 1000.0, row.pct());
        }
        if (r.ranks().size() > 1) {
            out.printf(Locale.ROOT, "%nStragglers: slowest step %s; latest to collectives %s%n", r.slowestRanks(),
                    r.lateCollectiveRanks());
        }
        out.flush();
    }

    /** "12.34%", or "n/a" where there was no GPU time to divide by. */
    private static String percent(double pct) {
        return Double.isNaN(pct) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", pct);
    }
}
