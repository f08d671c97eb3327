#!/usr/bin/env python3
"""Drives the built bot's `replay` the way an outside judge does, and measures how well it learns.

Only three command forms reach the bot: "schedule <task> today", "done <task> N/10" and "skip <task>".
Simulated people (six kinds, a quarter careless raters, nobody mentions energy) live N weeks; each
morning they ask for two or three of their tasks, and rate each event from a hidden curve when it ends.
Regret is judged over that day's free starts of the same length between 08:00 and 20:00, normalised by
the gap between the day's best and worst start. Independent of the bot's own simulator (own curves,
own randomness), so it checks the real path: grammar, engine, storage and learner.

Usage: scripts/replay-learning-check.py [--bot .build/debug/scheduler-bot] [--users 24] [--weeks 6] [--seed 1] [--kinds mixed,split] [--config bot.conf]
"""
import argparse, datetime as dt, json, math, random, subprocess, sys

KINDS = ["morning", "mixed", "split", "weekday-weekend", "evening", "shift-week-4"]
TASKS = [("deep work", 90), ("team meeting", 30), ("email", 30), ("study", 90), ("admin", 30), ("client call", 30)]


def bump(hour, centre, width):
    return math.exp(-0.5 * ((hour - centre) / width) ** 2)


def quality(kind, task_index, day, hour, week):
    weekend = day.weekday() >= 5
    if kind == "morning":
        peaks = [(9.5, 1.7)]
    elif kind == "evening":
        peaks = [(18.0, 1.7)]
    elif kind == "split":
        peaks = [(10.0, 1.3), (16.5, 1.3)]  # a dip after lunch
    elif kind == "weekday-weekend":
        peaks = [(10.0, 1.6)] if weekend else [(17.0, 1.6)]
    elif kind == "mixed":
        peaks = [([9.0, 14.0, 17.5][task_index % 3], 1.5)]
    else:  # shift-week-4: a morning person who becomes an evening person from week 4 on
        peaks = [(18.0, 1.7)] if week >= 3 else [(9.5, 1.7)]
    return 0.15 + 0.75 * max(bump(hour + 0.5, c, w) for c, w in peaks)


def mean_quality(kind, task_index, start, minutes, week):
    hours = range(start.hour, (start.hour * 60 + start.minute + minutes - 1) // 60 + 1)
    return sum(quality(kind, task_index, start, h, week) for h in hours) / len(hours)


class Bot:
    def __init__(self, path, config=None):
        command = [path, "replay"] + (["--config", config] if config else [])
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def say(self, user, text, at):
        line = json.dumps({"user": user, "text": text, "at": at.strftime("%Y-%m-%dT%H:%M:%SZ")})
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


def parse(text):
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")


def judge(kind, task_index, placed, minutes, busy, week):
    """Normalised regret and top-10 % membership of `placed` among the day's free starts."""
    day = placed.replace(hour=0, minute=0)
    starts = []
    t = day + dt.timedelta(hours=8)
    while t + dt.timedelta(minutes=minutes) <= day + dt.timedelta(hours=20):
        end = t + dt.timedelta(minutes=minutes)
        if all(end <= b0 or b1 <= t for b0, b1 in busy):
            starts.append(mean_quality(kind, task_index, t, minutes, week))
        t += dt.timedelta(minutes=15)
    chosen = mean_quality(kind, task_index, placed, minutes, week)
    if not starts:
        return None
    best, worst = max(starts), min(starts)
    regret = (best - chosen) / (best - worst) if best - worst > 1e-9 else 0.0
    better = sum(1 for q in starts if q > chosen + 1e-9)
    return max(0.0, min(1.0, regret)), better <= 0.1 * len(starts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bot", default=".build/debug/scheduler-bot")
    parser.add_argument("--users", type=int, default=24)
    parser.add_argument("--weeks", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", help="only these kinds of people, comma-separated (the others are skipped, not redrawn)")
    parser.add_argument("--config", help="a bot.conf, e.g. with [learning] learner = \"seed-ema\"")
    args = parser.parse_args()
    first_monday = dt.datetime(2026, 1, 5)
    results = {}  # (kind, week) -> [regret, top, count]
    bot = Bot(args.bot, args.config)
    for index in range(args.users):
        kind = KINDS[index % len(KINDS)]
        if args.kinds and kind not in args.kinds.split(","):
            continue
        careless = index % 4 == 3
        user = f"judge-{index}"
        # Requests and ratings draw from their own streams per user, so every learner meets the same people and requests.
        rng = random.Random(f"{args.seed}-{index}-requests")
        ratings = random.Random(f"{args.seed}-{index}-ratings")
        tasks = rng.sample(range(len(TASKS)), 3)
        noise = 0.3 if careless else rng.uniform(0.05, 0.15)
        for day_number in range(args.weeks * 7):
            week = day_number // 7
            morning = first_monday + dt.timedelta(days=day_number, hours=7, minutes=30)
            today = rng.sample(tasks, rng.choice([2, 3]))
            placed = []
            for offset, task in enumerate(today):
                name, _ = TASKS[task]
                answer = bot.say(user, f"schedule {name} today", morning + dt.timedelta(minutes=offset))
                event = answer.get("event")
                if not event:
                    continue
                start, end = parse(event["start"]), parse(event["end"])
                minutes = int((end - start).total_seconds() // 60)
                others = [(s, e) for _, s, e in placed]
                verdict = judge(kind, tasks.index(task), start, minutes, others, week)
                placed.append((task, start, end))
                if verdict:
                    cell = results.setdefault((kind, week), [0.0, 0, 0])
                    cell[0] += verdict[0]
                    cell[1] += verdict[1]
                    cell[2] += 1
            for task, start, end in sorted(placed, key=lambda p: p[1]):
                name, minutes = TASKS[task]
                q = mean_quality(kind, tasks.index(task), start, int((end - start).total_seconds() // 60), week)
                at = end - dt.timedelta(minutes=1)
                skips, jitter = ratings.random(), ratings.gauss(0, noise)
                if skips < 0.2 * (1 - q):
                    bot.say(user, f"skip {name}", at)
                else:
                    rating = min(10, max(1, round((q + jitter) * 10)))
                    bot.say(user, f"done {name} {rating}/10", at)
    bot.close()
    print(f"replay-learning-check: {args.users} users, {args.weeks} weeks, seed {args.seed}")
    print("kind              week1 regret  week%d regret  week%d top10%%" % (args.weeks, args.weeks))
    last = args.weeks - 1
    totals = [0.0, 0, 0]
    for kind in KINDS:
        if (kind, last) not in results:
            continue
        first = results.get((kind, 0), [0, 0, 1])
        final = results.get((kind, last), [0, 0, 1])
        totals = [totals[0] + final[0], totals[1] + final[1], totals[2] + final[2]]
        print(f"{kind:16s}  {first[0] / max(1, first[2]):12.3f}  {final[0] / max(1, final[2]):12.3f}  {final[1] / max(1, final[2]):12.3f}")
    print(f"{'all':16s}  {'':12s}  {totals[0] / max(1, totals[2]):12.3f}  {totals[1] / max(1, totals[2]):12.3f}")


if __name__ == "__main__":
    sys.exit(main())
