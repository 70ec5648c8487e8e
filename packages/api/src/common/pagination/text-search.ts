import { raw } from '@mikro-orm/postgresql';

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
function likePattern(text: string): string {
  return `%${text.trim().toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * A case-insensitive "contains" over a SQL expression of the entity's columns; the expressions used
 * have matching trigram indexes (on this exact expression), so this stays fast on large tables.
 */
export function containsText(sqlExpression: string, text: string): Record<string, unknown> {
  return { [raw(`lower((${sqlExpression}) collate "default")`)]: { $like: likePattern(text) } };
}
