import { raw } from '@mikro-orm/postgresql';
import { Migration20261201610000_search_text } from './migrations/Migration20261201610000_search_text.js';

/** The platform's own migrations: the `search_text` function every module's search indexes use. */
export const textSearchMigrations = [{ name: 'Migration20261201610000_search_text', class: Migration20261201610000_search_text }];

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The indexed form of a SQL expression of an entity's columns: a search index must be built on exactly
 * `searchable(expression)` (e.g. `create index … using gin (search_text(name) gin_trgm_ops)`).
 */
export function searchable(sqlExpression: string): string {
  return `search_text(${sqlExpression})`;
}

/**
 * A "contains" over a SQL expression, insensitive to case and accents (`search_text`, both sides); the
 * expressions used have trigram indexes on `searchable(expression)`, so this stays fast on large tables.
 */
export function containsText(sqlExpression: string, text: string): Record<string, unknown> {
  return { [raw(searchable(sqlExpression))]: { $like: raw('search_text(?)', [likePattern(text)]) } };
}

/**
 * `containsText` as SQL text for the read compiler: the same expression and pattern, the pattern bound through
 * `bind` (the expression's columns qualified by the caller).
 */
export function containsTextSql(sqlExpression: string, text: string, bind: (value: string) => string): string {
  return `${searchable(sqlExpression)} like search_text(${bind(likePattern(text))})`;
}
