/**
 * What the shared package's formatDateTime does not: the time of day alone, and the values of date and time inputs
 * in Swedish time (Europe/Stockholm), to and from instants.
 */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

/** "13:00": the time of day in Sweden. */
export function formatTime(instant: string | Date | null | undefined): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: SWEDISH_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** The date and time of day in Sweden of an instant, as `<input type="date">` and `<input type="time">` hold them. */
export function toSwedishParts(instant: string | Date): { date: string; time: string } {
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
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes Swedish time is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(epochMs: number): number {
  const { date, time } = toSwedishParts(new Date(epochMs));
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return Math.round((Date.UTC(year, month - 1, day, hour, minute) - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

/** The instant (ISO) of a date and time of day in Sweden; null unless both are well-formed. */
export function fromSwedishParts(date: string, time: string): string | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const [year, month, day] = dateMatch.slice(1).map(Number) as [number, number, number];
  const [hour, minute] = timeMatch.slice(1).map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offset at the wall time read as UTC is right except within hours of a change; a second pass settles it.
  let instant = wall - offsetMinutes(wall) * 60_000;
  instant = wall - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}
