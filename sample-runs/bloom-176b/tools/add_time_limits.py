#!/usr/bin/env python3
"""Adds the run spec's 100-hour SLURM time limit and the 4 reserve nodes (hot spares) to the BLOOM-176B sample.

The first reconstruction (run.jsonl at commit d903fa9) let jobs run as long as 165 h, but Jean Zay jobs were
limited to 100 h: the run spec (train/tr11-176B-ml/README.md, "Dealing with 100h SLURM limit") passes
`--exit-duration-in-mins 5990` to Megatron and chains the jobs with `sbatch --array=1-10%1`. Megatron-DeepSpeed's
training loop checks the limit after each iteration, after that iteration's evaluation and checkpoint save, and
if it is exceeded saves a checkpoint (unless the iteration just saved one) and exits (training.py, "Exiting based
on duration").

What this script does (README.md, "Time-limit restarts", says why each choice):

- every `job_start` gains `"accelerators_hot_spare": 32` (416 allocated, 384 in use, 32 held in reserve);
- faults name the cause catalogue's ids (docs/fault-causes.md): `gpu_failure` becomes `faulty_gpu`, Table 5's
  "Faulty GPU";
- in every job still running 99 h 50 min after its start: the step in flight then completes (with its evaluation
  and save, if it has them), a blocking 40 s checkpoint save at that step unless it just saved one, 2 min to exit,
  `job_end` `time_limit`, 3 min queued (`downtime` `queue`), the next `job_start`, 8 min `program_startup`, 4 min
  `checkpoint_restore`, and the steps go on from the next step, nothing repeated;
- the delay that adds (17 min 40 s, or 17 min when the step had just saved) is taken out of the nearest
  `unattributed_downtime` after the insertion, or where an exact diary anchor comes first, out of the nearest one
  before the job, or (the 03-14 job, with no such downtime on either side of it before the exact 03-21 crash) by
  running that job's steps and evaluations after the restart uniformly faster, so the crash stays at its time.

Usage (Python 3 standard library only; the output is byte-for-byte reproducible):

    cd sample-runs/bloom-176b
    git show d903fa9:sample-runs/bloom-176b/run.jsonl > /tmp/bloom-before.jsonl
    python3 tools/add_time_limits.py /tmp/bloom-before.jsonl run.jsonl        # transform, check, print
    python3 tools/add_time_limits.py --check run.jsonl /tmp/bloom-before.jsonl  # the checks alone
"""

import datetime as dt
import json
import sys

LIMIT_MS = 5990 * 60 * 1000  # --exit-duration-in-mins 5990: 99 h 50 min after the program started
SLURM_LIMIT_MS = 100 * 3600 * 1000
SAVE_MS = 40_000  # "A checkpoint is saved in 40 secs", as every save in the log
EXIT_MS = 120_000  # exit after the save, as after the kill-switch saves
QUEUE_MS = 180_000  # next job-array element, as between the kill-switch restarts
STARTUP_MS = 480_000
RESTORE_MS = 240_000
HOT_SPARES = 32

# How each job's delay is absorbed, keyed by the job's start in the input (UTC). "after": the nearest
# unattributed downtime after the insertion; "before": the nearest unattributed downtime before the job (an exact
# anchor comes first after it); "compress": the job's steps after the restart run faster, up to the anchor fault.
PLAN = {
    "2022-03-14T18:23:20.959Z": ("compress", "the exact GPU crash 03-21 12:34:34Z during step 14999"),
    "2022-03-30T11:12:54.954Z": ("after", None),
    "2022-04-06T12:21:12.040Z": ("after", None),
    "2022-04-16T01:24:36.000Z": ("after", None),
    "2022-04-22T23:24:55.714Z": ("before", "the exact start of job 1528763, 04-29 18:28:38Z"),
    "2022-05-13T12:15:00.000Z": ("after", None),
    "2022-05-18T15:07:21.894Z": ("after", None),
    "2022-05-25T18:33:00.000Z": ("after", None),
    "2022-06-01T18:33:00.000Z": ("after", None),
    "2022-06-08T18:33:00.000Z": ("after", None),
    "2022-06-15T18:33:00.000Z": ("after", None),
    "2022-06-22T18:33:00.000Z": ("after", None),
    "2022-06-29T18:28:29.333Z": ("before", "the end of the window, 07-05 03:00Z at step 94767"),
}

# The diary's exact times, which must not move (README, "Diary anchors").
EXACT = [
    ("launch 03-11 11:42 PST", "job_start", "2022-03-11T19:42:00.000Z"),
    ("GPU crash 2022-03-21_13:34:34 JZ", "fault", "2022-03-21T12:34:34.000Z"),
    ("job 1528763 started 2022-04-29T20:28:38 JZ", "job_start", "2022-04-29T18:28:38.000Z"),
    ("end of the 48-node phase", "job_end", "2022-07-05T03:00:00.000Z"),
]
# Diary anchors given by date: (what, step whose first execution ends on that UTC date, date).
BY_DATE = [
    ("MBS switch after 7600", 7600, "2022-03-14"),
    ("12695 (full batch)", 12695, "2022-03-18"),
    ("17235 band-aid restart", 17235, "2022-03-24"),
    ("20448 / 20452 layer-norm sync restarts", 20452, "2022-03-28"),
    ("21680 all_reduce AVG restart", 21680, "2022-03-30"),
    ("25956 DeepSpeed branch switch", 25956, "2022-04-04"),
    ("26345 PR 276 restart", 26345, "2022-04-06"),
    ("31214 lm-loss spike", 31214, "2022-04-12"),
    ("42783 5% slowdown", 42783, "2022-04-28"),
    ("45000 eval hang", 45000, "2022-05-01"),
    ("51000 eval hang", 51000, "2022-05-09"),
    ("58000 eval hang", 58000, "2022-05-18"),
]
TIME_FIELDS = ("time", "start", "end")
STEPS = ("step", "step_range")


def ms(text):
    return round(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def iso(millis):
    t = dt.datetime.fromtimestamp(millis // 1000, dt.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (millis % 1000)


def hours(millis):
    return millis / 3_600_000


def load(path):
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    events = [json.loads(line) for line in stream if line.strip()]
    for e in events:
        for f in TIME_FIELDS:
            if f in e:
                e[f] = ms(e[f])
    return events


def dump(events, path):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for e in events:
            out.write(json.dumps({k: iso(v) if k in TIME_FIELDS else v for k, v in e.items()}) + "\n")


def shift(events, lo, hi, delta):
    for e in events[lo:hi]:
        for f in TIME_FIELDS:
            if f in e:
                e[f] += delta


def span(e):
    """(start, end) of an activity record; a checkpoint lasts its blocking time."""
    if e["event"] == "checkpoint":
        return e["time"], e["time"] + round(e["blocking_seconds"] * 1000)
    if e["event"] in STEPS or e["event"] == "phase":
        return e["start"], e["end"]
    return None


def steps_of(e):
    return (e["step"], e["step"]) if e["event"] == "step" else (e["first"], e["last"])


def starts(events):
    return [i for i, e in enumerate(events) if e["event"] == "job_start"]


def job_end_index(events, start):
    i = start + 1
    while events[i]["event"] != "job_end":
        i += 1
    return i


def unattributed(e):
    return e["event"] == "downtime" and e.get("cause") == "unattributed_downtime"


def split_at(events, i, n):
    """Splits step_range events[i] after step n; returns the index of the part ending at n."""
    e = events[i]
    first, last = steps_of(e)
    if n == last:
        return i
    count = last - first + 1
    cut = e["start"] + round((e["end"] - e["start"]) * (n - first + 1) / count)
    head, tail = dict(e), dict(e)
    head["last"], head["end"] = n, cut
    tail["first"], tail["start"] = n + 1, cut
    events[i:i + 1] = [head, tail]
    return i


def exit_point(events, s):
    """Where Megatron exits: (index after step n's own eval and save, n, whether n was saved)."""
    limit = events[s]["time"] + LIMIT_MS
    end = job_end_index(events, s)
    last_started = None
    for i in range(s + 1, end):
        if events[i]["event"] in STEPS and events[i]["start"] < limit:
            last_started = i
    e = events[last_started]
    first, last = steps_of(e)
    n = first
    if e["event"] == "step_range":
        per = (e["end"] - e["start"]) / (last - first + 1)
        n = min(last, first + int((limit - e["start"]) // per))
        last_started = split_at(events, last_started, n)
    p, saved = last_started + 1, False
    while events[p]["event"] == "phase" and events[p].get("name", "").startswith("eval at %d " % n) or (
            events[p]["event"] == "checkpoint" and events[p]["step"] == n):
        saved = saved or events[p]["event"] == "checkpoint"
        p += 1
    for e in events[s + 1:p]:
        assert e["event"] != "fault", "a fault before the time limit in the job of %s" % iso(events[s]["time"])
    return p, n, saved


def restart_events(events, s, p, n, saved):
    """The exit save, job end, queue, next job start, startup and restore, from the end of step n's block."""
    t = span(events[p - 1])[1]
    out = []
    if not saved:
        out.append({"event": "checkpoint", "step": n, "time": t, "blocking_seconds": SAVE_MS / 1000})
        t += SAVE_MS
    out.append({"event": "job_end", "time": t + EXIT_MS, "reason": "time_limit",
                "note": "SLURM 100 h limit: --exit-duration-in-mins 5990 saved global_step%d and exited" % n})
    t += EXIT_MS
    out.append({"event": "downtime", "kind": "queue", "start": t, "end": t + QUEUE_MS})
    t += QUEUE_MS
    start = {k: v for k, v in events[s].items() if k != "note"}
    start["time"] = t
    start["note"] = "next job-array element after the time limit (sbatch --array=1-10%1)"
    out.append(start)
    out.append({"event": "phase", "phase": "program_startup", "start": t, "end": t + STARTUP_MS})
    t += STARTUP_MS
    out.append({"event": "phase", "phase": "checkpoint_restore", "name": "load global_step%d" % n,
                "start": t, "end": t + RESTORE_MS})
    return out, t + RESTORE_MS


def add_hot_spares(events):
    for i, e in enumerate(events):
        if e["event"] == "job_start" and "accelerators_hot_spare" not in e:
            items = list(e.items())
            at = [k for k, _ in items].index("accelerators_in_use") + 1
            events[i] = dict(items[:at] + [("accelerators_hot_spare", HOT_SPARES)] + items[at:])


CATALOGUE_IDS = {"gpu_failure": "faulty_gpu"}


def name_catalogue_causes(events):
    for e in events:
        if e["event"] == "fault" and e.get("cause") in CATALOGUE_IDS:
            e["cause"] = CATALOGUE_IDS[e["cause"]]


def insert(events, s, mode, log):
    """One time-limit restart in the job starting at events[s]; returns the index of the new job_start."""
    original_start = events[s]["time"]
    if mode == "before":
        # Start the job earlier by the delay, taken from the unattributed downtime before it; the insertion brings
        # everything after it back to its time. The delay depends on where the limit falls, so try both.
        b = max(i for i in range(s) if unattributed(events[i]))
        for guess in (SAVE_MS + EXIT_MS + QUEUE_MS + STARTUP_MS + RESTORE_MS,
                      EXIT_MS + QUEUE_MS + STARTUP_MS + RESTORE_MS):
            trial = [dict(e) for e in events]
            trial[b]["end"] -= guess
            shift(trial, b + 1, len(trial), -guess)
            p, n, saved = exit_point(trial, s)
            added, resume = restart_events(trial, s, p, n, saved)
            delta = resume - trial[p]["start"]
            if delta == guess:
                events[:] = trial
                break
        else:
            raise AssertionError("no consistent delay for the job of %s" % iso(original_start))
        events[p:p] = added
        shift(events, p + len(added), len(events), delta)
        where = "before: unattributed downtime ending %s, now %.2f h (job starts %s earlier)" % (
            iso(events[b]["end"])[5:16].replace("T", " "), hours(events[b]["end"] - events[b]["start"]),
            "%d min %d s" % divmod(delta // 1000, 60))
    else:
        p, n, saved = exit_point(events, s)
        added, resume = restart_events(events, s, p, n, saved)
        t_next = events[p]["start"]
        delta = resume - t_next
        events[p:p] = added
        q = p + len(added)
        if mode == "after":
            d = next(i for i in range(q, len(events)) if unattributed(events[i]))
            shift(events, q, d, delta)
            events[d]["start"] += delta
            assert events[d]["start"] < events[d]["end"]
            where = "after: unattributed downtime ending %s, now %.2f h" % (
                iso(events[d]["end"])[5:16].replace("T", " "), hours(events[d]["end"] - events[d]["start"]))
        else:
            a = next(i for i in range(q, len(events)) if events[i]["event"] == "fault")
            anchor = events[a]["time"]
            fixed = [span(e) for e in events[q:a] if e["event"] == "checkpoint"]
            total = anchor - t_next
            free = total - sum(y - x for x, y in fixed)
            k = (free - delta) / free

            def warp(t):
                held = sum(min(t, y) - x for x, y in fixed if x < t)
                return round(t_next + delta + k * (t - t_next - held) + held)

            for e in events[q:a]:
                for f in TIME_FIELDS:
                    if f in e:
                        e[f] = warp(e[f])
            assert warp(anchor) == anchor
            per = [(e["end"] - e["start"]) / (e["last"] - e["first"] + 1) / 1000 for e in events[q:a]
                   if e["event"] == "step_range"]
            where = "compress: steps and evals until the fault at %s %.3f%% faster, %.2f-%.2f s per step" % (
                iso(anchor)[5:19].replace("T", " "), (1 - k) * 100, min(per), max(per))
    new_start = p + len(added) - 3
    assert events[new_start]["event"] == "job_start"
    start = events[s]["time"]
    log.append("| %s | %s | %d | %s | %s | %s | %d s | %s |" % (
        iso(start)[5:16].replace("T", " "), iso(start + LIMIT_MS)[5:16].replace("T", " "), n,
        "already saved" if saved else iso(events[new_start - 3]["time"])[11:19],
        iso(events[new_start - 2]["time"])[5:19].replace("T", " "), iso(events[new_start]["time"])[5:19].replace(
            "T", " "), delta // 1000, where))
    return new_start


def transform(events):
    assert not any(e.get("reason") == "time_limit" for e in events), "time limits are already in this log"
    log = []
    jobs = [(i, events[i]["time"]) for i in starts(events)]
    modes = [PLAN.get(iso(t), (None, None))[0] for _, t in jobs]
    add_hot_spares(events)
    name_catalogue_causes(events)
    for k in range(len(jobs)):
        s = starts(events)[k + len(log)]  # each insertion so far added one start
        mode = modes[k]
        end = job_end_index(events, s)
        long = events[end]["time"] - events[s]["time"] > LIMIT_MS
        assert (mode is not None) == long, "plan and log disagree on the job of %s" % iso(jobs[k][1])
        while mode is not None:
            s = insert(events, s, mode, log)
            end = job_end_index(events, s)
            if events[end]["time"] - events[s]["time"] <= LIMIT_MS:
                break
            mode = "after"  # a remainder still longer than the limit (does not happen in this log)
    return log


def steps_executed(events):
    return sum(steps_of(e)[1] - steps_of(e)[0] + 1 for e in events if e["event"] in STEPS)


def first_end(events, step):
    for e in events:
        if e["event"] in STEPS:
            first, last = steps_of(e)
            if first <= step <= last:
                return e["start"] + round((e["end"] - e["start"]) * (step - first + 1) / (last - first + 1))
    raise AssertionError("step %d not found" % step)


def check(events, original):
    """The consistency checks of README.md, "Time-limit restarts"; raises AssertionError on the first failure."""
    problems = []

    def need(ok, what):
        if not ok:
            problems.append(what)

    js = starts(events)
    for s in js:
        e = events[s]
        need((e.get("accelerators_allocated"), e.get("accelerators_in_use"), e.get("accelerators_hot_spare")) == (
            416, 384, HOT_SPARES), "job_start %s: 416 / 384 / 32" % iso(e["time"]))
        end = events[job_end_index(events, s)]["time"]
        need(end - e["time"] <= SLURM_LIMIT_MS, "job %s runs %.2f h > 100 h" % (iso(e["time"]), hours(
            end - e["time"])))
    # one timeline: records in time order, activities inside their job and not overlapping, downtime between jobs
    last_end, in_job = None, False
    for line, e in enumerate(events, 1):
        if e["event"] == "job_start":
            need(not in_job, "line %d: job_start inside a job" % line)
            in_job = True
        sp = span(e) or ((e["start"], e["end"]) if e["event"] == "downtime" else None)
        if sp:
            need(sp[0] <= sp[1], "line %d: ends before it starts" % line)
            need(e["event"] == "downtime" or in_job, "line %d: activity outside a job" % line)
            need(e["event"] != "downtime" or not in_job, "line %d: downtime inside a job" % line)
            need(last_end is None or sp[0] >= last_end, "line %d: overlaps the record before" % line)
            last_end = sp[1]
        elif "time" in e:
            need(last_end is None or e["time"] >= last_end, "line %d: before the record before" % line)
            last_end = max(last_end or 0, e["time"])
        if e["event"] == "job_end":
            in_job = False
    # steps continue: within a job by one, across a restart from the checkpoint it loaded
    saved, prev = {0}, None
    for line, e in enumerate(events, 1):
        if e["event"] == "job_start":
            prev = None
        elif e["event"] == "phase" and e["phase"] == "checkpoint_restore":
            prev = int(e["name"].split("global_step")[1])
            need(prev in saved, "line %d: restores a step never saved" % line)
        elif e["event"] == "checkpoint":
            saved.add(e["step"])
        elif e["event"] in STEPS:
            first, last = steps_of(e)
            need(prev is None and first == 1 or prev is not None and first == prev + 1,
                 "line %d: step %d does not continue %s" % (line, first, prev))
            prev = last
    evals = lambda ev: sorted(e.get("name") for e in ev if e["event"] == "phase" and e["phase"] == "evaluation")
    need(evals(events) == evals(original), "the evaluations differ from the original's")
    ck = lambda ev: sorted(e["step"] for e in ev if e["event"] == "checkpoint")
    extra = list(ck(events))
    for st in ck(original):
        if st in extra:
            extra.remove(st)
        else:
            problems.append("the save at %d is gone" % st)
    limits = [e for e in events if e.get("reason") == "time_limit"]
    need(len(extra) <= len(limits), "more extra saves than time-limit exits: %s" % extra)
    need(steps_executed(events) == steps_executed(original), "steps executed %d, original %d" % (
        steps_executed(events), steps_executed(original)))
    for what, event, at in EXACT:
        need(any(e["event"] == event and e["time"] == ms(at) for e in events), "exact anchor moved: " + what)
    need(any(e["event"] == "checkpoint" and e["step"] == 94767 and e["time"] + 160_000 == ms(
        EXACT[-1][2]) for e in events), "94767 is not saved at the end of the window")
    for what, step, day in BY_DATE:
        need(iso(first_end(events, step))[:10] == day, "%s: %s, not on %s" % (what, iso(first_end(
            events, step)), day))
    need(first_end(events, 45000) < ms("2022-05-01T01:56:00.000Z"), "45000 after the first PULSE (03:56 JZ)")
    # the hours the diary says each eval hang lost: hang to the resumed step unchanged
    for hang in (45000, 51000, 58000):
        lost = lambda ev: [e["start"] for e in ev if e["event"] in STEPS and steps_of(e)[0] == hang + 1][0] - [
            e["time"] for e in ev if e["event"] == "fault" and e["cause"] == "eval_deadlock"
            and e["time"] > first_end(ev, hang)][0]
        need(lost(events) == lost(original), "the hang at %d lost a different time" % hang)
    if problems:
        raise AssertionError("\n".join(problems))


def summary(events, original):
    def total(ev, pred, f=lambda e: e["end"] - e["start"]):
        return sum(f(e) for e in ev if pred(e))

    def job_time(ev):
        return sum(ev[job_end_index(ev, s)]["time"] - ev[s]["time"] for s in starts(ev))

    un = lambda e: unattributed(e)
    rows = [
        ("job starts", len(starts(original)), len(starts(events))),
        ("time-limit ends", 0, sum(1 for e in events if e.get("reason") == "time_limit")),
        ("checkpoint saves", sum(1 for e in original if e["event"] == "checkpoint"),
         sum(1 for e in events if e["event"] == "checkpoint")),
        ("unattributed downtime h", hours(total(original, un)), hours(total(events, un))),
        ("queue downtime h", hours(total(original, lambda e: e["event"] == "downtime" and e["kind"] == "queue")),
         hours(total(events, lambda e: e["event"] == "downtime" and e["kind"] == "queue"))),
        ("job time h", hours(job_time(original)), hours(job_time(events))),
        ("hot spares (32/416 of job time) h", hours(job_time(original)) * 32 / 416,
         hours(job_time(events)) * 32 / 416),
        ("step time h", hours(total(original, lambda e: e["event"] in STEPS)),
         hours(total(events, lambda e: e["event"] in STEPS))),
        ("evaluation h", hours(total(original, lambda e: e.get("phase") == "evaluation")),
         hours(total(events, lambda e: e.get("phase") == "evaluation"))),
        ("steps executed", steps_executed(original), steps_executed(events)),
    ]
    for name, a, b in rows:
        print("%-36s %14.4f %14.4f %+12.4f" % (name, a, b, b - a))


def main(argv):
    if len(argv) == 4 and argv[1] == "--check":
        events, original = load(argv[2]), load(argv[3])
        check(events, original)
        summary(events, original)
        print("ok")
        return 0
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    original = load(argv[1])
    events = [dict(e) for e in original]
    print("| job start | limit (+99:50) | step in flight | exit save | job_end time_limit | next job_start"
          " | delay | absorbed |")
    for line in transform(events):
        print(line)
    check(events, original)
    summary(events, original)
    dump(events, argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
