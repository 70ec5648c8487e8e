import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/user-error.js';
import { fromGlobalId, registerNodeTypeNames, requireEntityId, toGlobalId } from './global-id.js';

registerNodeTypeNames(['Workplace', 'Person']);

const uuid = '0b9c6f0e-6a4b-4d8e-9c2a-1f1e2d3c4b5a';

describe('global ids', () => {
  it('encodes as base64url of "Type:uuid" without padding, the same as a Buffer would, for any id', () => {
    for (let i = 0; i < 200; i++) {
      const uuid = randomUUID();
      expect(toGlobalId('Workplace', uuid)).toBe(Buffer.from(`Workplace:${uuid}`, 'utf8').toString('base64url'));
    }
    // Lengths that need padding in base64 and characters that map to "-" and "_" in base64url.
    for (const id of ['a', 'ab', 'abc', '~~~~', '???>>>', 'å-non-ascii']) {
      expect(toGlobalId('Person', id)).toBe(Buffer.from(`Person:${id}`, 'utf8').toString('base64url'));
    }
  });

  it('round-trips type and row id', () => {
    expect(fromGlobalId(toGlobalId('Workplace', uuid))).toEqual({ type: 'Workplace', id: uuid });
  });

  it('refuses malformed ids, unknown types and the wrong expected type', () => {
    expect(fromGlobalId('')).toBeNull();
    expect(fromGlobalId('%%%')).toBeNull();
    expect(fromGlobalId(Buffer.from(`Secret:${uuid}`).toString('base64url'))).toBeNull();
    expect(fromGlobalId(Buffer.from('Person:1; drop table person').toString('base64url'))).toBeNull();
    expect(fromGlobalId(toGlobalId('Person', uuid), 'Workplace')).toBeNull();
  });

  it('turns a bad id in a mutation input into a NOT_FOUND user error for that field', () => {
    expect(() => requireEntityId('nope', 'Person', 'personId')).toThrow(DomainError);
    try {
      requireEntityId('nope', 'Person', 'personId');
    } catch (error) {
      expect((error as DomainError).errors).toEqual([expect.objectContaining({ field: 'personId', code: 'NOT_FOUND' })]);
    }
  });
});
