/** The time zone of the model: calendar days, "today" and the times people are shown are Swedish. */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

// Built once: constructing an Intl.DateTimeFormat is expensive, and "today" is asked for once per row.
const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: SWEDISH_TIME_ZONE });

/** Today's date in Sweden as YYYY-MM-DD: roles start and end on Swedish calendar days. */
export function todayInSweden(now: Date = new Date()): string {
  // Sweden's offset from UTC is whole hours, so its date changes only on a minute of UTC: the date of the
  // last minute asked for is kept (asked once per request, formatting costs more than the rest of a small one).
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) {
    lastDay.minute = minute;
    lastDay.date = swedishDate.format(now);
  }
  return lastDay.date;
}

const lastDay = { minute: Number.NaN, date: '' };
