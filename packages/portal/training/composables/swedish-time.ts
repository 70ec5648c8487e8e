// Dates and times as Swedes read them, in Swedish time whatever the browser's zone: 2026-09-01 09:00.
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const PARTS = new Intl.DateTimeFormat('sv-SE', {
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
  date: string;
  time: string;
  seconds: number;
}

function wallClock(instant: Date): WallClock {
  const part = (type: string) => PARTS.formatToParts(instant).find((item) => item.type === type)?.value ?? '00';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    seconds: Number(part('second')),
  };
}

const parse = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/** "2026-09-01" (the Swedish day of an instant). */
export function formatDate(value: string | Date): string {
  return wallClock(parse(value)).date;
}

/** "2026-09-01 09:00". */
export function formatDateTime(value: string | Date): string {
  const clock = wallClock(parse(value));
  return `${clock.date} ${clock.time}`;
}

/** "2026-09-01 09:00–17:00", or "2026-09-01 09:00 – 2026-09-02 15:00" over several days. */
export function formatTimeRange(start: string | Date, end: string | Date): string {
  const [from, to] = [wallClock(parse(start)), wallClock(parse(end))];
  return from.date === to.date ? `${from.date} ${from.time}–${to.time}` : `${from.date} ${from.time} – ${to.date} ${to.time}`;
}

/** The value of an `<input type="datetime-local">` showing this instant in Swedish time: "2026-09-01T09:00". */
export function toSwedishInput(value: string | Date | null | undefined): string {
  if (!value) return '';
  const clock = wallClock(parse(value));
  return `${clock.date}T${clock.time}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant an `<input type="datetime-local">` value means in Swedish time (null: empty or not a time). */
export function fromSwedishInput(value: string): Date | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Swedish time is UTC+1 or UTC+2: try both offsets (summer time first, so an hour that comes twice means its first time) and keep the one that shows it.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (toSwedishInput(candidate) === value.trim()) return candidate;
  }
  // A time skipped when the clocks go forward (02:30 on the last Sunday of March): the hour after it.
  return new Date(asUtc - 3_600_000);
}

/** The current year in Sweden. */
export function swedishYear(now: Date = new Date()): number {
  return Number(formatDate(now).slice(0, 4));
}
