import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  developmentIdentityNumberKey,
  IdentityNumberKey,
  IdentityNumberKeyring,
  UnknownIdentityNumberKeyError,
} from './identity-number-keys.js';

const A = Buffer.alloc(32, 1);
const B = Buffer.alloc(32, 2);
const PERSON = '6f1c2d1e-0000-4000-8000-000000000001';
const OTHER = '6f1c2d1e-0000-4000-8000-000000000002';

describe('IdentityNumberKey', () => {
  it('seals so that the digits are not in the stored bytes, and opens what it sealed', () => {
    const key = new IdentityNumberKey(A);
    const sealed = key.seal(PERSON, '191212121212');
    expect(sealed.includes(Buffer.from('1212'))).toBe(false);
    expect(key.open(PERSON, sealed)).toBe('191212121212');
    // A fresh IV each time: the same number never seals to the same bytes.
    expect(key.seal(PERSON, '191212121212').equals(sealed)).toBe(false);
  });

  it('refuses to open a number moved to another person, or changed, or under another key', () => {
    const key = new IdentityNumberKey(A);
    const sealed = key.seal(PERSON, '191212121212');
    expect(() => key.open(OTHER, sealed)).toThrow();
    const changed = Buffer.from(sealed);
    changed[changed.length - 1]! ^= 1;
    expect(() => key.open(PERSON, changed)).toThrow();
    expect(() => new IdentityNumberKey(B).open(PERSON, sealed)).toThrow();
  });

  it('hashes the same number the same way under one key, differently under another, and has an id that is not the key', () => {
    const [a, b] = [new IdentityNumberKey(A), new IdentityNumberKey(B)];
    expect(a.lookupHash('191212121212').equals(new IdentityNumberKey(A).lookupHash('191212121212'))).toBe(true);
    expect(a.lookupHash('191212121212').equals(a.lookupHash('201212121212'))).toBe(false);
    expect(a.lookupHash('191212121212').equals(b.lookupHash('191212121212'))).toBe(false);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.id).not.toBe(b.id);
    expect(A.toString('hex')).not.toContain(a.id);
  });
});

describe('IdentityNumberKeyring', () => {
  it('opens with any key it knows, hashes under each (current first), and names an unknown key', () => {
    const old = new IdentityNumberKey(A);
    const ring = new IdentityNumberKeyring(B, [A]);
    expect(ring.current.id).toBe(new IdentityNumberKey(B).id);
    expect(ring.key(old.id).open(PERSON, old.seal(PERSON, '191212121212'))).toBe('191212121212');
    expect(ring.lookupHashes('191212121212').map((hash) => hash.toString('hex'))).toEqual([
      new IdentityNumberKey(B).lookupHash('191212121212').toString('hex'),
      old.lookupHash('191212121212').toString('hex'),
    ]);
    expect(() => new IdentityNumberKeyring(B).key(old.id)).toThrow(UnknownIdentityNumberKeyError);
    expect(() => new IdentityNumberKeyring(B).key(old.id)).toThrow(/set IDENTITY_NUMBER_KEY_PREVIOUS/);
    // The same key given twice is one key.
    expect(new IdentityNumberKeyring(A, [A]).keyIds).toHaveLength(1);
  });
});

describe('developmentIdentityNumberKey', () => {
  const folder = mkdtempSync(join(tmpdir(), 'identity-number-key-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('creates a random key in the data folder once, readable by its owner only, and reads it back after', () => {
    const file = join(folder, 'data', 'identity-number.key');
    const key = developmentIdentityNumberKey(file);
    expect(key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(key)).toBe(true);
    expect(developmentIdentityNumberKey(file).equals(key)).toBe(true);
    expect(developmentIdentityNumberKey(join(folder, 'other.key')).equals(key)).toBe(false);
  });
});
