/** Months as YYYY-MM, and their names as people read them. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const SWEDISH = ['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti', 'September', 'Oktober', 'November', 'December'];
const ENGLISH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Mars 2026" / "March 2026". */
export function monthName(month: string, language: 'sv' | 'en'): string {
  const index = Number(month.slice(5, 7)) - 1;
  return `${(language === 'sv' ? SWEDISH : ENGLISH)[index]} ${month.slice(0, 4)}`;
}

/** The month before this one, YYYY-MM. */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** The number of days of a month. */
export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** Minutes between two HH:MM times of one day. */
export function minutesBetween(startsAt: string, endsAt: string): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return minutes(endsAt) - minutes(startsAt);
}

/** Hours as the API shows them: minutes / 60, to two decimals. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
