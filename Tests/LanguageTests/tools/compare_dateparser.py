#!/usr/bin/env python3
"""Side-by-side accuracy on our corpus: scheduler-bot parse-time vs Python's dateparser.

dateparser returns one datetime (no intervals, no grain, no durations), so both sides are scored the same
lenient way: a phrase is right when the start matches (date only for day/week/month/year grains, date and
minute otherwise) or when both expect and give nothing. Durations count as misses for dateparser, which
does not read them. Our strict score (start, end and grain) is the Swift corpus test.

    python3 -m venv /tmp/dpvenv && /tmp/dpvenv/bin/pip install dateparser
    /tmp/dpvenv/bin/python Tests/LanguageTests/tools/compare_dateparser.py .build/release/scheduler-bot
"""
import collections, datetime, json, pathlib, subprocess, sys, warnings
from zoneinfo import ZoneInfo

warnings.filterwarnings("ignore")
import dateparser  # noqa: E402

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "Corpus" / "time-expressions.txt"


def zone(name):
    if name[0] in "+-":
        sign = -1 if name[0] == "-" else 1
        h, m = name[1:].split(":")
        return datetime.timezone(sign * datetime.timedelta(hours=int(h), minutes=int(m)))
    return ZoneInfo(name)


def blocks():
    block = None
    for line in CORPUS.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@now"):
            parts = line.split()
            block = {"now": datetime.datetime.fromisoformat(f"{parts[1]}T{parts[2]}"), "tz": parts[3],
                     "order": "DMY" if len(parts) > 4 and parts[4] == "day-first" else "MDY", "cases": []}
            yield block
            continue
        category, phrase, expected = [p.strip() for p in line.split("|")]
        block["cases"].append((category, line.split("|")[1][1:-1], expected))


def expected_key(expected):
    if expected == "none":
        return ("none",)
    if expected.startswith("duration"):
        return ("duration", int(expected.split()[1]))
    *span, grain = expected.split()
    start = datetime.datetime.fromisoformat(" ".join(span).split("..")[0].replace(" ", "T"))
    return ("time", start.date()) if grain in ("day", "week", "month", "year") else ("time", start)


def key_of(dt, expected):
    if expected[0] == "time" and isinstance(expected[1], datetime.datetime):
        return ("time", dt.replace(second=0, microsecond=0))
    return ("time", dt.date())


def ours(binary, block):
    now = block["now"].replace(tzinfo=zone(block["tz"])).isoformat()
    args = [binary, "parse-time", f"--now={now}", f"--tz={block['tz']}"]
    if block["order"] == "DMY":
        args.append("--date-order=day-first")
    text = "\n".join(p for _, p, _ in block["cases"]) + "\n"
    out = subprocess.run(args, input=text, capture_output=True, text=True, check=True).stdout.splitlines()
    results = []
    for line, (_, _, expected) in zip(out, block["cases"]):
        obj, exp = json.loads(line), expected_key(expected)
        if "start" in obj:
            start = datetime.datetime.fromisoformat(obj["start"]).replace(tzinfo=None)
            results.append(key_of(start, exp))
        elif "duration_minutes" in obj:
            results.append(("duration", obj["duration_minutes"]))
        else:
            results.append(("none",))
    return results


def theirs(block):
    settings = {"RELATIVE_BASE": block["now"], "TIMEZONE": block["tz"], "TO_TIMEZONE": block["tz"],
                "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "future", "DATE_ORDER": block["order"]}
    results = []
    for _, phrase, expected in block["cases"]:
        try:
            dt = dateparser.parse(phrase, languages=["en"], settings=settings)
        except Exception:
            dt = None
        results.append(("none",) if dt is None else key_of(dt, expected_key(expected)))
    return results


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/scheduler-bot"
    score = collections.defaultdict(lambda: [0, 0, 0])  # ours, dateparser, total
    for block in list(blocks()):  # blocks fill up as the generator runs on
        for (category, _, expected), a, b in zip(block["cases"], ours(binary, block), theirs(block)):
            exp = expected_key(expected)
            s = score[category]
            s[0] += a == exp
            s[1] += b == exp
            s[2] += 1
    print(f"{'category':18}{'total':>7}{'scheduler-bot':>15}{'dateparser':>12}")
    totals = [0, 0, 0]
    for category in sorted(score):
        o, d, n = score[category]
        totals = [totals[0] + o, totals[1] + d, totals[2] + n]
        print(f"{category:18}{n:7}{100 * o / n:14.1f}%{100 * d / n:11.1f}%")
    o, d, n = totals
    print(f"{'ALL':18}{n:7}{100 * o / n:14.1f}%{100 * d / n:11.1f}%")


if __name__ == "__main__":
    main()
