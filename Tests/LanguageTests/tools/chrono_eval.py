#!/usr/bin/env python3
"""Run `scheduler-bot parse-time` over chrono's English test cases (../shared/corpora/time/chrono_en.json).

chrono's conventions differ from Duckling's (which this grammar follows) in documented places. A record is
*rejected* before our answer is looked at when the record itself shows one of those conventions (the reason is
printed); every other record is *accepted* and scored:
  - positive: our start (and end, when asserted) must match every asserted component; time-of-day components
    are masked when the phrase says no time of day (chrono implies 12:00 or the reference time, we say the
    day at 00:00 with grain day);
  - negative: we must find no time.

Usage: chrono_eval.py [--bin .build/release/scheduler-bot] [--corpus PATH] [--show-misses] [--show-rejected]
"""
import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DEFAULT_CORPUS = os.path.abspath(os.path.join(ROOT, "..", "..", "shared", "corpora", "time", "chrono_en.json"))
if not os.path.exists(DEFAULT_CORPUS):
    DEFAULT_CORPUS = "/work/shared/corpora/time/chrono_en.json"
FLOATING_REF = "2026-06-15T12:00:00"  # for records without a reference: their expectations hold at any time

CLOCK = re.compile(r"(\d{1,2}[:.]\d{2}(?![.\d]))|(\d\s*(a\.?m\.?|p\.?m\.?)\b)|\b(noon|midnight|o'?clock|midday)\b|\bat\s+\d|\d{3,4}\s*h|\bh\d|"
                   r"\b(morning|afternoon|evening|night|tonight|lunch)\b|\b\d+\s*(hours?|hrs?|minutes?|mins?|seconds?|secs?|h|m)\b|\bnow\b",
                   re.I)
ZONE = re.compile(r"\b([A-Z]{2,5}T|UTC|GMT|Z)\b|[+-]\d{2}:?\d{2}\b|\bUTC[+-]")
PAST = re.compile(r"\b(last|ago|past|previous|yesterday|before|earlier|since|back)\b", re.I)
WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.I)
CASUAL_PART = re.compile(r"\b(morning|afternoon|evening|night|tonight|noon)\b", re.I)
CYCLE = re.compile(r"\b(this|next|last|past|coming)\s+(week|month|year|quarter|weekend)\b", re.I)
AMBIGUOUS_CLOCK = re.compile(r"(^|[^\d:])([1-9]|1[0-2])(:\d{2})?(?!\s*(a\.?m|p\.?m|\d|:|/))", re.I)


def rejection(r):
    """Why chrono's expectation follows a convention we do not share, or None. Looks at the record only."""
    text = r["text"]
    if r.get("options", {}).get("timezones") or any(k in (r.get("start") or {}) for k in ("timezoneOffset",)) \
            or r.get("start_instant") and ZONE.search(text) or ZONE.search(text):
        return "zone names/offsets in the text (the grammar resolves in the user's zone only)"
    if re.search(r"\b(BC|BCE|AD|BE)\b", text):
        return "eras (BC/AD/BE)"
    if re.search(r"\bwithin\b", text, re.I):
        return "chrono: 'within N' is one date; Duckling: an interval from now"
    if r.get("parser") == "casual_gb":
        return "day-first dates (our DateOrder setting; the runner uses month-first)"
    if r["negative"]:
        if r.get("parser") == "strict":
            return "chrono's strict mode refuses casual words that Duckling reads (weekdays, month names)"
        if re.search(r"\bat\s+\d", text) or re.fullmatch(r"\s*[A-Za-z]{3,9}\.?\s*", text):
            return "Duckling reads 'at 10' and a bare month name as times; chrono does not"
        return None
    if re.search(r"\bfor\s+\d|^\s*(\d+|an?|one)\s+(hours?|months?|minutes?|days?)\s*$|\bgive it\b", text, re.I):
        return "parse-time contract: a duration alone ('for 5 minutes', '1 hour') is a duration, not a time"
    if re.search(r"\b(next|last|past)\s+(\d+|two|three|few|couple)\b", text, re.I):
        return "chrono: 'next N units' is one date; Duckling: the interval of those N units"
    if re.search(r"\b(years?|months?|mon|yrs?)\b", text, re.I) and re.search(r"\b(ago|in|later|from now|out|before|after)\b", text, re.I):
        return "chrono keeps the day in 'N months/years ago'; Duckling rounds to the unit below (the 1st of the month, January)"
    if "midnight" in text.lower() and r.get("ref") and int(r["ref"][11:13]) < 2:
        return "chrono: 'midnight' just after midnight is the one just passed; Duckling: the coming one"
    start = r.get("start") or {}
    if CYCLE.search(text):
        return "chrono: 'next week/month' shifts the reference; Duckling: the calendar unit (week from Monday, month from the 1st, weekend from Fri 18:00)"
    if CASUAL_PART.search(text) and "hour" in start and not re.search(r"\d", text):
        return "chrono: parts of day are instants (morning 06:00, evening 20:00); Duckling: intervals"
    ref = r.get("ref")
    if ref and "year" in start and "month" in start and "day" in start:
        exp = dt.date(start["year"], start["month"], start["day"])
        refd = dt.date.fromisoformat(ref[:10])
        if exp < refd and not PAST.search(text) and not r.get("options", {}).get("forwardDate"):
            if WEEKDAY.search(text):
                return "chrono: a bare weekday is the closest one, past or future; Duckling: the next one"
            if not re.search(r"\b(19|20)\d\d\b|/\d{2,4}\b|'\d\d", text):
                return "chrono: a date without a year may be in the past; Duckling: its next occurrence"
    if "hour" in start and start["hour"] < 12 and AMBIGUOUS_CLOCK.search(text) and not re.search(r"a\.?m|p\.?m|morning|night|\d{1,2}:\d{2}\s*-|[01]\d:\d\d", text, re.I):
        return "chrono: a bare hour keeps its number; Duckling: the next occurrence, am or pm"
    if ref and "hour" in start and "day" in start and "month" in start and not PAST.search(text):
        exp = dt.datetime(start.get("year", int(ref[:4])), start["month"], start["day"], start["hour"], start.get("minute", 0))
        if exp < dt.datetime.fromisoformat(ref) and ref[:10] == exp.date().isoformat() and not re.search(r"\btoday\b|\d{4}", text, re.I):
            return "chrono: a time earlier today stays today; Duckling: its next occurrence"
    if re.search(r"\b(today|tomorrow|yesterday|tonight)\b", text, re.I) and "hour" in start and not CLOCK.search(text.replace("tonight", "")):
        return None  # masked below
    return None


def context(r):
    if r["ref_kind"] == "none":
        return FLOATING_REF, "UTC"
    offset = r.get("ref_tz_offset") or 0
    sign = "-" if offset < 0 else "+"
    tz = "%s%02d:%02d" % (sign, abs(offset) // 60, abs(offset) % 60)
    return r["ref"], tz


def local_parts(iso):
    d = dt.datetime.fromisoformat(iso)
    return {"year": d.year, "month": d.month, "day": d.day, "hour": d.hour, "minute": d.minute, "second": d.second,
            "weekday": (d.weekday() + 1) % 7}


def matches(expected, iso, says_clock):
    if iso is None:
        return False
    got = local_parts(iso)
    for key, value in expected.items():
        if key in ("millisecond", "timezoneOffset", "meridiem"):
            continue
        if key in ("hour", "minute", "second") and not says_clock:
            continue
        if got.get(key) != value:
            return False
    return True


def closed_end(a):
    """Duckling's closed ranges include their last grain ("3-5pm" ends 18:00); chrono's end is the last value said."""
    if not a.get("end") or a.get("open"):
        return None
    end = dt.datetime.fromisoformat(a["end"])
    grain = a.get("grain")
    if grain == "minute":
        return (end - dt.timedelta(minutes=1)).isoformat()
    if grain == "hour":
        return (end - dt.timedelta(hours=1)).isoformat()
    if grain == "day":
        return (end - dt.timedelta(days=1)).isoformat()
    if grain == "month":
        y, m = (end.year, end.month - 1) if end.month > 1 else (end.year - 1, 12)
        return end.replace(year=y, month=m).isoformat()
    if grain == "year":
        return end.replace(year=end.year - 1).isoformat()
    return None


def run(binary, groups):
    answers = {}
    for (now, tz), records in groups.items():
        phrases = "\n".join(r["text"].replace("\n", " ") for r in records) + "\n"
        out = subprocess.run([binary, "parse-time", "--now", now, "--tz=" + tz], input=phrases, capture_output=True,
                             text=True, check=True).stdout.splitlines()
        for r, line in zip(records, out):
            answers[r["id"]] = json.loads(line)
    return answers


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "scheduler-bot"))
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--show-rejected", action="store_true")
    args = ap.parse_args()
    records = json.load(open(args.corpus, encoding="utf-8"))["records"]
    rejected, accepted = [], []
    for r in records:
        reason = rejection(r)
        (rejected if reason else accepted).append((r, reason))
    groups = defaultdict(list)
    for r, _ in accepted:
        groups[context(r)].append(r)
    answers = run(args.bin, groups)
    hits, misses = 0, []
    by_kind = defaultdict(lambda: [0, 0])
    for r, _ in accepted:
        a = answers[r["id"]]
        says_clock = bool(CLOCK.search(r["text"]))
        if r["negative"]:
            ok = "start" not in a
        else:
            # Duckling: "before X" is an open interval ending at X; chrono reports X itself.
            named = a.get("end") if a.get("open") == "before" else a.get("start")
            ok = matches(r.get("start") or {}, named, says_clock)
            if ok and r.get("end"):
                ok = matches(r["end"], a.get("end") or a.get("start"), says_clock) or \
                    matches(r["end"], closed_end(a), says_clock)
        hits += ok
        for k in r.get("kinds", []):
            by_kind[k][0] += ok
            by_kind[k][1] += 1
        if not ok:
            misses.append((r, a))
    print("chrono cases: %d, rejected as a different convention: %d, accepted: %d" % (len(records), len(rejected), len(accepted)))
    print("accuracy on accepted: %d/%d = %.3f" % (hits, len(accepted), hits / max(1, len(accepted))))
    for k, (h, n) in sorted(by_kind.items()):
        print("  %-14s %3d/%3d = %.2f" % (k, h, n, h / max(1, n)))
    print("rejections by reason:")
    for reason, n in Counter(reason for _, reason in rejected).most_common():
        print("  %3d  %s" % (n, reason))
    if args.show_rejected:
        for r, reason in rejected:
            print("REJECTED %s %r: %s" % (r["id"], r["text"], reason))
    if args.show_misses:
        for r, a in misses:
            print("MISS %s ref=%s %r expected start=%s end=%s neg=%s got=%s" % (
                r["id"], r.get("ref"), r["text"], r.get("start"), r.get("end"), r["negative"], json.dumps(a)))


if __name__ == "__main__":
    main()
