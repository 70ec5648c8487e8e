/**
 * Global ids as clients see them: base64url of "Type:uuid". Tests build and read them on their own,
 * without the API's encoder, so that a change to the wire format shows up as a failing test.
 */

/** The global id of a row: `globalId('Person', uuid)`. */
export function globalId(type: string, rowId: string): string {
  return Buffer.from(`${type}:${rowId}`, 'utf8').toString('base64url');
}

/** The row id (uuid) inside a global id, for SQL. */
export function rowId(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1]!;
}
