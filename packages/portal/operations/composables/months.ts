/** A month (YYYY-MM) as the language names it: "januari 2026" in Swedish, "January 2026" in English (`short`: "jan. 2026"). */
export function formatMonth(month: string, language: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month from the URL, or null when it is none. */
export function monthOrNull(value: unknown): string | null {
  return typeof value === 'string' && MONTH.test(value) ? value : null;
}
