// Dates and times as people in Sweden read them, in Swedish time (Europe/Stockholm) whatever the browser's zone.
// The one copy every app uses: numeric formats (2026-12-01 14:00), the values of date and time inputs to and from
// instants, the start of a Swedish day, and the worded formats of the chosen language ("3 december 2026 kl. 14:00").
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

type Instant = string | Date;
const parse = (value: Instant) => (value instanceof Date ? value : new Date(value));
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})$/;

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: SWEDISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** SS */
  seconds: string;
}

/** The date, time and seconds a clock in Sweden shows at an instant. */
function wallClock(instant: Instant): WallClock {
  const parts = Object.fromEntries(PARTS.formatToParts(parse(instant)).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: parts.second ?? '00',
  };
}

/**
 * The instant a Swedish clock shows a date and time of day at; null unless both are real. Swedish time is UTC+1 or
 * UTC+2: both are tried, summer time first, so an hour that comes twice (the night summer time ends) means its first
 * time; a time skipped when the clocks go forward (02:30 on the last Sunday of March) means the hour after it.
 */
function swedishInstant(date: string, time: string): Date | null {
  const dateMatch = LOCAL_DATE.exec(date);
  const timeMatch = LOCAL_TIME.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const [year, month, day] = dateMatch.slice(1).map(Number) as [number, number, number];
  const [hour, minute] = timeMatch.slice(1).map(Number) as [number, number];
  if (hour > 23 || minute > 59 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const shown = wallClock(candidate);
    if (shown.date === date && shown.time === time) return candidate;
  }
  return new Date(asUtc - 3_600_000);
}

/**
 * A day, YYYY-MM-DD: a LocalDate is already the Swedish format and stays as it is; an instant gives its day in Sweden
 * ("2026-12-31T23:30:00Z" is 2027-01-01). Null and empty stay empty.
 */
export function formatDate(value: Instant | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && LOCAL_DATE.test(value)) return value;
  return wallClock(value).date;
}

/** An instant in Swedish time, "2026-12-01 14:00". */
export function formatDateTime(value: Instant | null | undefined): string {
  if (!value) return '';
  const clock = wallClock(value);
  return `${clock.date} ${clock.time}`;
}

/** An instant in Swedish time to the second, "2026-12-01 10:15:30" (as the audit trail shows it). */
export function formatDateTimeWithSeconds(value: Instant | null | undefined): string {
  if (!value) return '';
  const clock = wallClock(value);
  return `${clock.date} ${clock.time}:${clock.seconds}`;
}

/** "13:00": the time of day in Sweden. */
export function formatTime(value: Instant | null | undefined): string {
  return value ? wallClock(value).time : '';
}

/** "2026-09-01 09:00–17:00", or "2026-09-01 09:00 – 2026-09-02 15:00" over several days. */
export function formatTimeRange(start: Instant, end: Instant): string {
  const [from, to] = [wallClock(start), wallClock(end)];
  return from.date === to.date ? `${from.date} ${from.time}–${to.time}` : `${from.date} ${from.time} – ${to.date} ${to.time}`;
}

/** Today's calendar day in Sweden, YYYY-MM-DD (what the API takes as "today"). */
export function todayInSweden(now: Date = new Date()): string {
  return wallClock(now).date;
}

/** The current year in Sweden. */
export function swedishYear(now: Date = new Date()): number {
  return Number(todayInSweden(now).slice(0, 4));
}

/** The date and time of day in Sweden of an instant, as `<input type="date">` and `<input type="time">` hold them. */
export function toSwedishParts(value: Instant): { date: string; time: string } {
  const { date, time } = wallClock(value);
  return { date, time };
}

/** The instant (ISO) of a date and time of day in Sweden; null unless both are well-formed. */
export function fromSwedishParts(date: string, time: string): string | null {
  return swedishInstant(date, time)?.toISOString() ?? null;
}

/** The value of an `<input type="datetime-local">` showing this instant in Swedish time: "2026-09-01T09:00". */
export function toSwedishInput(value: Instant | null | undefined): string {
  if (!value) return '';
  const clock = wallClock(value);
  return `${clock.date}T${clock.time}`;
}

/** The instant an `<input type="datetime-local">` value means in Swedish time (null: empty or not a time). */
export function fromSwedishInput(value: string): Date | null {
  const [date = '', time = ''] = value.trim().split('T');
  return swedishInstant(date, time);
}

/** The instant (ISO) at which a day (YYYY-MM-DD) starts in Sweden; `days` later with `days`. Null unless a real date. */
export function startOfSwedishDay(date: string, days = 0): string | null {
  const match = LOCAL_DATE.exec(date);
  if (!match || !swedishInstant(date, '00:00')) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
  return swedishInstant(target, '00:00')!.toISOString();
}

const tag = (language: string) => (language === 'en' ? 'en-GB' : 'sv-SE');
const SIX_DAYS_MS = 6 * 86_400_000;

/** An instant in words of the chosen language, in Swedish time: "3 december 2026 kl. 14:00" (`short`: "2026-12-03 14:00"). */
export function formatMoment(value: Instant, language: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(tag(language), { dateStyle: style, timeStyle: 'short', timeZone: SWEDISH_TIME_ZONE }).format(parse(value));
}

/** The Swedish day of an instant in words of the chosen language: "3 december 2026". */
export function formatLongDate(value: Instant, language: string): string {
  return new Intl.DateTimeFormat(tag(language), { dateStyle: 'long', timeZone: SWEDISH_TIME_ZONE }).format(parse(value));
}

/** A calendar date (YYYY-MM-DD) as the language writes it: 2025-12-31 in Swedish, "31 Dec 2025" in English. */
export function formatLocalDate(date: string, language: string): string {
  if (language !== 'en') return date;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Until when an offer holds: "torsdag 14:00" within the coming week, else "torsdag 3 december kl. 14:00". */
export function formatOfferExpiry(value: Instant, language: string, now: Date = new Date()): string {
  const at = parse(value);
  const soon = at.getTime() - now.getTime() < SIX_DAYS_MS;
  return new Intl.DateTimeFormat(tag(language), {
    weekday: 'long',
    ...(soon ? {} : { day: 'numeric', month: 'long' }),
    hour: '2-digit',
    minute: '2-digit',
    timeZone: SWEDISH_TIME_ZONE,
  }).format(at);
}
