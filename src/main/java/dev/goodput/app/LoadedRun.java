package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.profile.report.ProfiledModel;

/** What a load produced: the derivation, and the profiles loaded beside the run (null when none). */
record LoadedRun(Derivation derivation, ProfiledModel profiles) {
}
