// Expand every VEVENT of an ICS feed (stdin) with ical.js, as Thunderbird and
// web calendars built on it do, and print them as JSON on stdout:
// overrides applied: [{uid, summary, url, description, starts: ["2027-03-19T13:00:00Z" | "2027-03-19", ...]}].
// Time zones come only from the feed's own VTIMEZONE (ical.js knows no other).
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const LIMIT = 10000; // a feed's rituals are bounded well below this
const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const start = (time) => (time.isDate ? time.toString() : time.toJSDate().toISOString().replace(".000Z", "Z"));
// Overrides of one occurrence (RECURRENCE-ID) belong to the event of the same UID,
// as a calendar app relates them.
const vevents = calendar.getAllSubcomponents("vevent");
const isOverride = (vevent) => vevent.hasProperty("recurrence-id");
const out = [];
for (const vevent of vevents.filter((v) => !isOverride(v))) {
  const uid = vevent.getFirstPropertyValue("uid");
  const exceptions = vevents.filter((v) => isOverride(v) && v.getFirstPropertyValue("uid") === uid);
  const event = new ICAL.Event(vevent, { exceptions });
  const starts = [];
  if (event.isRecurring()) {
    const iterator = event.iterator();
    for (let next = iterator.next(); next && starts.length < LIMIT; next = iterator.next()) {
      starts.push(start(event.getOccurrenceDetails(next).startDate));
    }
  } else {
    starts.push(start(event.startDate));
  }
  out.push({
    uid: event.uid, summary: event.summary, url: vevent.getFirstPropertyValue("url"),
    description: event.description, starts,
  });
}
process.stdout.write(JSON.stringify(out));
