/** `value` mapped, or null when there is none. */
export function mapNullable<T, R>(value: T | null | undefined, map: (value: T) => R): R | null {
  return value === null || value === undefined ? null : map(value);
}
