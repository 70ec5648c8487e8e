/**
 * Swedish personal identity numbers (personnummer, Skatteverket SKV 704) and coordination numbers
 * (samordningsnummer, SKV 707: the day of birth plus 60), read in the forms people and HR systems write
 * them and normalised to twelve digits YYYYMMDDNNNN.
 *
 * A pure function rather than the `personnummer` package: that package ships CommonJS with ES-module
 * types (a default import is typed wrong under NodeNext), decides the century of a short form by the
 * machine's clock instead of a given day, and accepts interim numbers we do not want; the rules are
 * small and the spec beside this file covers them.
 */

/** Why a text is not a personal identity number. */
export enum IdentityNumberProblem {
  /** Not one of the accepted forms (wrong length, letters, another separator). */
  FORMAT = 'FORMAT',
  /** The date of birth does not exist, or lies after today. */
  DATE = 'DATE',
  /** The birth number (the three digits after the date) is 000, which is never given. */
  SERIAL = 'SERIAL',
  /** The last digit is not the Luhn check digit of the other nine. */
  CHECK_DIGIT = 'CHECK_DIGIT',
}

export const IDENTITY_NUMBER_MESSAGES: Record<IdentityNumberProblem, string> = {
  [IdentityNumberProblem.FORMAT]:
    'Must be a personal identity number: YYYYMMDD-NNNN, YYYYMMDDNNNN or YYMMDD-NNNN (YYMMDD+NNNN from 100 years of age).',
  [IdentityNumberProblem.DATE]: 'The date of birth in the personal identity number does not exist or has not yet come.',
  [IdentityNumberProblem.SERIAL]: 'The birth number of a personal identity number (the three digits after the date) is never 000.',
  [IdentityNumberProblem.CHECK_DIGIT]: 'The check digit of the personal identity number does not match (a digit may be mistyped).',
};

export interface IdentityNumber {
  /** Twelve digits, YYYYMMDDNNNN: how it is stored (encrypted) and hashed. */
  digits: string;
  /** A coordination number: the day of the month plus 60. */
  coordination: boolean;
  /** The date of birth, YYYY-MM-DD. */
  birthDate: string;
}

export type IdentityNumberResult = { ok: true; value: IdentityNumber } | { ok: false; problem: IdentityNumberProblem };

// 12 digits (optionally a separator after the date), or 10 digits with an optional - or +.
const FORM = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/**
 * Reads a personal identity number or coordination number. `today` (YYYY-MM-DD, in Sweden) decides the
 * century of the ten-digit forms: `-` for the last hundred years, `+` for a hundred years and more before.
 */
export function parseIdentityNumber(text: string, today: string): IdentityNumberResult {
  const match = FORM.exec(text.trim());
  if (!match) return { ok: false, problem: IdentityNumberProblem.FORMAT };
  const [, century, yy, mm, dd, separator, serial, check] = match as unknown as [
    string,
    string | undefined,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const coordination = Number(dd) > 60;
  const day = coordination ? Number(dd) - 60 : Number(dd);
  const month = Number(mm);
  let year: number;
  if (century !== undefined) {
    year = Number(century + yy);
  } else {
    // The latest year ending in these two digits whose birthday is not after today; a + is 100 years more.
    const todayYear = Number(today.slice(0, 4));
    year = todayYear - ((((todayYear - Number(yy)) % 100) + 100) % 100);
    if (isoDate(year, month, day) > today) year -= 100;
    if (separator === '+') year -= 100;
  }
  if (!exists(year, month, day) || isoDate(year, month, day) > today || year < 1800) {
    return { ok: false, problem: IdentityNumberProblem.DATE };
  }
  if (serial === '000') return { ok: false, problem: IdentityNumberProblem.SERIAL };
  if (luhnCheckDigit(`${yy}${mm}${dd}${serial}`) !== Number(check)) return { ok: false, problem: IdentityNumberProblem.CHECK_DIGIT };
  return {
    ok: true,
    value: { digits: `${String(year).padStart(4, '0')}${mm}${dd}${serial}${check}`, coordination, birthDate: isoDate(year, month, day) },
  };
}

/** The twelve stored digits as people read them: YYYYMMDD-NNNN. */
export function formatIdentityNumber(digits: string): string {
  return `${digits.slice(0, 8)}-${digits.slice(8)}`;
}

/** The Luhn (mod 10) check digit of nine digits YYMMDDNNN: weights 2, 1, 2, …, digits of products summed. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let index = 0; index < nineDigits.length; index++) {
    const product = Number(nineDigits[index]) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function exists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
