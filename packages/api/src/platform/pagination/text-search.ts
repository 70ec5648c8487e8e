import { raw } from '@mikro-orm/postgresql';

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
function likePattern(text: string): string {
  // NUL cannot be in a PostgreSQL text, so it cannot be searched for either.
  const searchable = text.replaceAll('\u0000', '').trim().toLowerCase();
  return `%${searchable.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * A case-insensitive "contains" over a SQL expression of the entity's columns; the expressions used
 * have matching trigram indexes (on this exact expression), so this stays fast on large tables.
 */
export function containsText(sqlExpression: string, text: string): Record<string, unknown> {
  return { [raw(`lower((${sqlExpression}) collate "default")`)]: { $like: likePattern(text) } };
}
