// The API's validation rules, checked in the browser first so a person hears about every field at once.
// Each returns true when the rule is broken.

export const required = (value: string): boolean => value.trim().length === 0;

export const maxLength = (value: string, max: number): boolean => value.trim().length > max;

/** Empty is fine (optional); otherwise a whole number from min to max. */
export function wholeNumber(value: string | number, min: number, max: number, options: { optional?: boolean } = {}): boolean {
  const text = String(value).trim();
  if (text === '') return !options.optional;
  if (!/^\d+$/.test(text)) return true;
  const number = Number(text);
  return number < min || number > max;
}

/** Empty is fine; otherwise an https:// link, as the API asks of online links. */
export function httpsLink(value: string): boolean {
  const text = value.trim();
  if (!text) return false;
  try {
    const url = new URL(text);
    return url.protocol !== 'https:' || !url.hostname.includes('.');
  } catch {
    return true;
  }
}
