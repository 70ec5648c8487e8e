/** What the shared package's formatDateTime does not: seconds, the day of an instant, and a Swedish day's start as an instant. */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

/** "2026-12-01 10:15:30": an instant in Swedish time to the second, as the audit trail shows it (the shared formatDateTime stops at minutes). */
export function formatDateTimeWithSeconds(instant: string | null | undefined): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: SWEDISH_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(instant));
}

/** "2026-12-01": the day in Sweden of an instant. */
export function swedishDay(instant: string | null | undefined): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: SWEDISH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** Minutes Swedish time is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(epochMs: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: SWEDISH_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((wall - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

/** The instant (ISO) at which a day (YYYY-MM-DD) starts in Sweden; `days` later with `days`. Null unless a real date. */
export function startOfSwedishDay(date: string, days = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const wall = Date.UTC(year, month - 1, day + days);
  let instant = wall - offsetMinutes(wall) * 60_000;
  instant = wall - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}
