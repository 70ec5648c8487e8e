/** Dates and times as people in Sweden read and write them: in Swedish time (Europe/Stockholm), 24-hour clock. */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const LOCALES: Record<string, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "tis 3 mars 2027 13:00:05" (en: "Tue 3 Mar 2027, 13:00:05"); the audit trail shows seconds. */
export function formatDateTime(instant: string | Date | null | undefined, language = 'sv', seconds = false): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'sv-SE', {
    timeZone: SWEDISH_TIME_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' as const } : {}),
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** "3 mars 2027" (en: "3 Mar 2027"): a day in Sweden. */
export function formatDate(instant: string | Date | null | undefined, language = 'sv'): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'sv-SE', {
    timeZone: SWEDISH_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
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
