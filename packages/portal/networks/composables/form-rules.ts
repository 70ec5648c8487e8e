// The API's validation rules, checked before sending so that a person sees the same message at once.
export type RuleProblem = { key: string; params?: Record<string, unknown> } | null;

export const MAX_NAME = 200;
export const MAX_TEXT = 5000;
export const MAX_VENUE = 500;
export const MAX_URL = 2000;

export function requiredText(value: string, max = MAX_NAME): RuleProblem {
  if (!value.trim()) return { key: 'rules.required' };
  return value.trim().length > max ? { key: 'rules.maxLength', params: { max } } : null;
}

export function optionalText(value: string, max = MAX_TEXT): RuleProblem {
  return value.trim().length > max ? { key: 'rules.maxLength', params: { max } } : null;
}

/** Places: empty for no limit, else a whole number 1–100 000 (as the API's @Min(1) @Max(100_000)). */
export function capacity(value: string): RuleProblem {
  if (!value.trim()) return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= 100_000 ? null : { key: 'rules.capacity' };
}

export function parseCapacity(value: string): number | null {
  return value.trim() ? Number(value) : null;
}

export function httpsUrl(value: string): RuleProblem {
  if (!value.trim()) return null;
  if (value.trim().length > MAX_URL) return { key: 'rules.maxLength', params: { max: MAX_URL } };
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname.includes('.') ? null : { key: 'rules.https' };
  } catch {
    return { key: 'rules.https' };
  }
}

export function time(value: string): RuleProblem {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? null : { key: 'rules.time' };
}

export function date(value: string): RuleProblem {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : { key: 'rules.date' };
}
