#!/usr/bin/env python3
"""Hostile-input check of the LLM spend limits, driven through `scheduler-bot replay`.

32 users (by default) send, over two UTC days: a few huge coaching messages (up to several MB),
bursts of coaching questions far faster than the per-minute limit, long chatty days, and
ordinary commands in between. The bot runs offline (the offline provider reports the tokens a
real call would have used) with the default budgets unless a config is given.

Checks, from the replay output and the cost log (`[costs] log_path`) alone:
  - no model call carries more than --max-prompt-tokens (default 16,000) prompt tokens,
  - no user ends a UTC day over [costs] user_daily_usd, and the bot stays under global_daily_usd,
  - no user causes more than [costs] user_calls_per_minute calls in any 60 s window,
  - every command gets an answer on the command route.

Prints the figures and exits 1 when a check fails.

    scripts/hostile-replay.py --bot .build/debug/scheduler-bot [--users 32] [--seed 7] [--config bot.conf]
"""
import argparse
import collections
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile

COACHING = [
    "why do I keep skipping my runs?", "how do I stop procrastinating?", "I'm completely overwhelmed with work",
    "when am I most productive?", "I feel so unmotivated lately", "my goal is to run a marathon next year",
    "I can't focus on anything today, any tips?", "I keep missing standups on mondays, what's going on?",
    "help me plan my week around deep work", "what pattern do you see in my skipped tasks?",
]
CHAT = ["tell me a joke", "the train was late again", "it's raining here", "how am I doing?", "I had pasta for lunch"]
COMMANDS = ["agenda", "schedule gym tomorrow evening", "schedule deep work tomorrow for 2h", "done 8/10", "what's next", "help"]


def iso(instant):
    return instant.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (instant.microsecond // 1000)


def workload(users, seed, start):
    rng = random.Random(seed)
    lines = []
    for index in range(users):
        user = "@hostile%02d:example.org" % index
        lines.append((start + dt.timedelta(minutes=index), user, "I'm a software engineer", "setup"))
        for day in range(2):
            base = start + dt.timedelta(days=day, hours=7, minutes=index)
            moments = []
            # A few huge messages: the first one a day is several MB, then a smaller one.
            huge_size = rng.choice([2_000_000, 3_000_000, 500_000])
            filler = "and that is why I feel stuck again today, "
            moments.append((base, rng.choice(COACHING) + " " + (filler * (huge_size // len(filler))), "huge"))
            moments.append((base + dt.timedelta(hours=5), rng.choice(COACHING) + " " + (filler * 5_000), "huge"))
            # Bursts: 25 coaching questions within 30 seconds, four times a day; every other user pads each
            # one past what the bot reads, so the thread fills with long turns.
            padding = (" " + filler * 80) if index % 2 else ""
            for burst in range(4):
                at = base + dt.timedelta(hours=1 + 3 * burst, seconds=rng.randint(0, 600))
                for k in range(25):
                    moments.append((at + dt.timedelta(seconds=k * 1.2), "%s (%d)%s" % (rng.choice(COACHING), k, padding), "coaching"))
            # A chatty day: a message every few minutes.
            at = base + dt.timedelta(minutes=30)
            for _ in range(60):
                at += dt.timedelta(minutes=rng.randint(3, 12))
                kind = rng.random()
                if kind < 0.45:
                    moments.append((at, rng.choice(COACHING), "coaching"))
                elif kind < 0.7:
                    moments.append((at, rng.choice(CHAT), "chat"))
                else:
                    moments.append((at, rng.choice(COMMANDS), "command"))
            lines += [(when, user, text, kind) for when, text, kind in moments]
    lines.sort(key=lambda line: line[0])
    return lines


def run(bot, config, lines, db, log):
    env = dict(os.environ, SCHEDULER_BOT_COSTS_LOG_PATH=log)
    arguments = [bot, "replay", "--db", db] + (["--config", config] if config else [])
    process = subprocess.Popen(arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    payload = "".join(json.dumps({"user": user, "room": "!r:" + user, "text": text, "at": iso(when)}) + "\n"
                      for when, user, text, _ in lines)
    out, _ = process.communicate(payload)
    if process.returncode != 0:
        sys.exit("replay exited with %d" % process.returncode)
    answers = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(answers) != len(lines):
        sys.exit("expected %d answers, got %d" % (len(lines), len(answers)))
    return answers


def limits(config):
    values = {"user_daily_usd": 0.05, "global_daily_usd": 20.0, "user_calls_per_minute": 6}
    if config:
        section = ""
        for raw in open(config, encoding="utf-8"):
            line = raw.split("#", 1)[0].strip()
            if line.startswith("["):
                section = line.strip("[]").strip()
            elif "=" in line and section == "costs":
                key, value = (part.strip() for part in line.split("=", 1))
                if key in values:
                    values[key] = type(values[key])(float(value)) if key != "user_calls_per_minute" else int(value)
    for key in values:
        env = os.environ.get("SCHEDULER_BOT_COSTS_" + key.upper())
        if env:
            values[key] = int(env) if key == "user_calls_per_minute" else float(env)
    return values


def parse_time(text):
    return dt.datetime.strptime(text.replace("Z", ""), "%Y-%m-%dT%H:%M:%S.%f")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bot", default=".build/debug/scheduler-bot")
    parser.add_argument("--config")
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-prompt-tokens", type=int, default=16_000)
    parser.add_argument("--keep", help="folder to keep the database and cost log in")
    args = parser.parse_args()

    folder = args.keep or tempfile.mkdtemp(prefix="hostile-replay-")
    os.makedirs(folder, exist_ok=True)
    db, log = os.path.join(folder, "bot.sqlite"), os.path.join(folder, "costs.jsonl")
    for path in (db, log):
        if os.path.exists(path):
            os.remove(path)
    lines = workload(args.users, args.seed, dt.datetime(2026, 11, 23, 0, 0))
    answers = run(args.bot, args.config, lines, db, log)
    caps = limits(args.config)

    rows = [json.loads(line) for line in open(log, encoding="utf-8") if line.strip()]
    calls = [row for row in rows if row["outcome"] in ("ok", "error", "timeout")]
    by_user_day = collections.defaultdict(float)
    by_day = collections.defaultdict(float)
    for row in rows:
        by_user_day[(row["user"], row["time"][:10])] += row["cost_usd"]
        by_day[row["time"][:10]] += row["cost_usd"]
    worst_minute = 0
    times = collections.defaultdict(list)
    for row in calls:
        times[row["user"]].append(parse_time(row["time"]))
    for stamps in times.values():
        stamps.sort()
        first = 0
        for last, stamp in enumerate(stamps):
            while stamp - stamps[first] >= dt.timedelta(seconds=60):
                first += 1
            worst_minute = max(worst_minute, last - first + 1)
    commands = [(line, answer) for line, answer in zip(lines, answers) if line[3] == "command"]
    unanswered = [line[2] for line, answer in commands if answer["route"] != "command" or not answer["replies"]]
    routes = collections.Counter(answer["route"] for answer in answers)
    max_prompt = max((row["prompt_tokens"] for row in calls), default=0)
    over_cap = sorted({user for (user, _), spent in by_user_day.items() if spent > caps["user_daily_usd"] + 1e-12})
    huge_bytes = max(len(text.encode()) for _, _, text, kind in lines if kind == "huge")

    print("messages: %d from %d users over 2 days (largest %.1f MB), routes: %s" % (
        len(lines), args.users, huge_bytes / 1e6, ", ".join("%s %d" % item for item in sorted(routes.items()))))
    print("model calls: %d, deferred by budget: %d" % (len(calls), sum(row["outcome"] == "budget_deferred" for row in rows)))
    print("largest prompt: %d tokens (limit %d)" % (max_prompt, args.max_prompt_tokens))
    print("highest user-day spend: $%.6f (cap $%.2f); users over the cap: %d" % (
        max(by_user_day.values(), default=0), caps["user_daily_usd"], len(over_cap)))
    print("bot spend per day: %s (cap $%.2f)" % (", ".join("%s $%.4f" % item for item in sorted(by_day.items())), caps["global_daily_usd"]))
    print("most calls by one user in 60 s: %d (limit %d)" % (worst_minute, caps["user_calls_per_minute"]))
    print("commands answered: %d of %d" % (len(commands) - len(unanswered), len(commands)))
    failed = [line[2][:60] for line, answer in zip(lines, answers)
              if any("something went wrong on my side" in reply for reply in answer["replies"])]
    print("messages the engine failed on (not a spend check): %d%s" % (len(failed), ", e.g. %r" % failed[0] if failed else ""))
    failures = []
    if max_prompt > args.max_prompt_tokens: failures.append("a call carried %d prompt tokens" % max_prompt)
    if over_cap: failures.append("%d users over the daily cap" % len(over_cap))
    if any(spent > caps["global_daily_usd"] + 1e-9 for spent in by_day.values()): failures.append("global cap passed")
    if worst_minute > caps["user_calls_per_minute"]: failures.append("rate limit broken: %d calls in a minute" % worst_minute)
    if unanswered: failures.append("%d commands unanswered, e.g. %r" % (len(unanswered), unanswered[0]))
    print("RESULT: " + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
    if not args.keep:
        for path in (db, db + "-wal", db + "-shm", log):
            if os.path.exists(path):
                os.remove(path)
        os.rmdir(folder)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
