"""Reference reader for the calendar tests: what icalendar and recurring-ical-events make of a file.

  peer.py expand FILE FROM TO ZONE   one JSON line per occurrence between FROM and TO (epoch seconds):
                                     [uid, start, end] in UTC epoch seconds; floating times and dates in ZONE
  peer.py feed FILE                  one JSON line per VEVENT as icalendar reads it
"""
import json
import sys
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events


def epoch(value, zone):
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        return int(value.timestamp())
    if isinstance(value, date):
        return int(datetime(value.year, value.month, value.day, tzinfo=zone).timestamp())
    raise TypeError(value)


def expand(path, start, end, zone_name):
    zone = ZoneInfo(zone_name)
    with open(path, "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    lower = datetime.fromtimestamp(int(start), tz=timezone.utc)
    upper = datetime.fromtimestamp(int(end), tz=timezone.utc)
    rows = []
    for event in recurring_ical_events.of(calendar).between(lower, upper):
        begin = event["DTSTART"].dt
        finish = event["DTEND"].dt if "DTEND" in event else begin
        rows.append([str(event["UID"]), epoch(begin, zone), epoch(finish, zone)])
    for row in sorted(rows, key=lambda r: (r[1], r[2], r[0])):
        print(json.dumps(row))


def feed(path):
    with open(path, "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    for event in calendar.walk("VEVENT"):
        start = event["DTSTART"].dt
        print(json.dumps({
            "uid": str(event["UID"]),
            "summary": str(event.get("SUMMARY", "")),
            "start": int(start.timestamp()),
            "end": int(event["DTEND"].dt.timestamp()),
            "tzid": event["DTSTART"].params.get("TZID", ""),
            "aware": start.tzinfo is not None,
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS", "")),
            "stamp": "DTSTAMP" in event,
        }))


if __name__ == "__main__":
    if sys.argv[1] == "expand":
        expand(*sys.argv[2:6])
    elif sys.argv[1] == "feed":
        feed(sys.argv[2])
    else:
        sys.exit("usage: peer.py expand FILE FROM TO ZONE | feed FILE")
