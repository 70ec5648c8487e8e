// Dates and times as Swedes write them, in Swedish time whatever the browser's zone: 2026-12-01, 2026-12-01 14:00.
const ZONE = 'Europe/Stockholm';

const DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** A LocalDate (YYYY-MM-DD) is already the Swedish format; null and empty stay empty. */
export function formatDate(value: string | null | undefined): string {
  return value ?? '';
}

/** A DateTime (ISO instant) in Swedish time, "2026-12-01 14:00". */
export function formatDateTime(value: string | null | undefined): string {
  return value ? DATE_TIME.format(new Date(value)) : '';
}

/** Today's calendar day in Sweden, YYYY-MM-DD (what the API takes as "today"). */
export function todayInSweden(now: Date = new Date()): string {
  return DAY.format(now);
}
