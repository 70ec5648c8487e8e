import { RequestError } from '../../platform/errors/request-error.js';

/** At most ten years of months in one dashboard or export. */
export const MAX_MONTHS = 120;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthRange {
  /** First month, YYYY-MM. */
  from: string;
  /** Last month, YYYY-MM (inclusive). */
  to: string;
  /** Every month from `from` to `to`, in order. */
  months: string[];
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function parseMonth(value: string, argumentName: 'from' | 'to'): string {
  const match = MONTH.exec(value);
  const year = match ? Number(match[1]) : 0;
  if (!match || year < 2000 || year > 2100) {
    throw new RequestError('BAD_USER_INPUT', `\`${argumentName}\` must be a month YYYY-MM between 2000-01 and 2100-12.`, { argumentName });
  }
  return value;
}

/**
 * The months asked for: `from` and `to` as given (YYYY-MM), by default the twelve months ending with this month in
 * Sweden (`today`, YYYY-MM-DD). A range backwards or longer than `MAX_MONTHS` is refused, naming the argument.
 */
export function monthRange(from: string | null | undefined, to: string | null | undefined, today: string): MonthRange {
  const last = to ? parseMonth(to, 'to') : today.slice(0, 7);
  const first = from ? parseMonth(from, 'from') : monthOf(monthIndex(last) - 11);
  const count = monthIndex(last) - monthIndex(first) + 1;
  if (count < 1) throw new RequestError('BAD_USER_INPUT', '`from` must not be after `to`.', { argumentName: 'from' });
  if (count > MAX_MONTHS) {
    throw new RequestError('BAD_USER_INPUT', `At most ${MAX_MONTHS} months at a time: \`from\` is too early for \`to\`.`, {
      argumentName: 'from',
    });
  }
  return { from: first, to: last, months: Array.from({ length: count }, (_value, index) => monthOf(monthIndex(first) + index)) };
}
