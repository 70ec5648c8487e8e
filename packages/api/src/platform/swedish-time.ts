/** The time zone of the model: calendar days, "today" and the times people are shown are Swedish. */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

// Built once: constructing an Intl.DateTimeFormat is expensive, and "today" is asked for once per row.
const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: SWEDISH_TIME_ZONE });

/** Today's date in Sweden as YYYY-MM-DD: roles start and end on Swedish calendar days. */
export function todayInSweden(now: Date = new Date()): string {
  return swedishDate.format(now);
}
