// Built once: constructing an Intl.DateTimeFormat is expensive, and "today" is asked for once per row.
const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** Today's date in Sweden as YYYY-MM-DD: roles start and end on Swedish calendar days. */
export function todayInSweden(now: Date = new Date()): string {
  return swedishDate.format(now);
}
