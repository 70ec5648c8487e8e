// Client-side checks that mirror the API's input validation, so a person hears of a mistake before sending.
// A rule answers null when the value is fine, else the key (and parameters) of its text in `form.rules`.

export interface RuleMessage {
  key: string;
  params?: Record<string, unknown>;
}
export type FormRule<T = Record<string, unknown>> = (value: unknown, values: T) => RuleMessage | string | null;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value));

/** Not empty and not only white space (the API's NotBlank). */
export const required =
  (key = 'form.rules.required'): FormRule<any> =>
  (value) =>
    text(value) ? null : { key };

/** At most `max` characters once trimmed (the API trims every text). */
export const maxLength =
  (max: number): FormRule<any> =>
  (value) =>
    text(value).length <= max ? null : { key: 'form.rules.maxLength', params: { max } };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An e-mail address (empty is left to `required`). */
export const email = (): FormRule<any> => (value) => (!text(value) || EMAIL.test(text(value)) ? null : { key: 'form.rules.email' });

/** Matches the pattern (empty is left to `required`). */
export const matches =
  (pattern: RegExp, key: string): FormRule<any> =>
  (value) =>
    !text(value) || pattern.test(text(value)) ? null : { key };

/** A whole number of at least `min` (empty is left to `required`). */
export const wholeNumberAtLeast =
  (min: number): FormRule<any> =>
  (value) => {
    if (!text(value)) return null;
    const number = Number(text(value));
    return Number.isInteger(number) && number >= min ? null : { key: 'form.rules.wholeNumberAtLeast', params: { min } };
  };

/** A calendar day YYYY-MM-DD that exists (empty is left to `required`). */
export const calendarDate = (): FormRule<any> => (value) => {
  const day = text(value);
  if (!day) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day)
    ? null
    : { key: 'form.rules.calendarDate' };
};
