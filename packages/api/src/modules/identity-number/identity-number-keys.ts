import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One configured key (`IDENTITY_NUMBER_KEY`, 32 bytes). Three keys are derived from it with HKDF-SHA-256,
 * so that no derived value gives away another: the AES-256-GCM key that seals the numbers, the HMAC key
 * of the lookup hash, and a public key id stored beside each sealed number (which key opens it).
 */
export class IdentityNumberKey {
  readonly id: string;
  private readonly sealing: Buffer;
  private readonly hashing: Buffer;

  constructor(material: Buffer) {
    if (material.length !== 32) throw new Error('An identity-number key is 32 bytes.');
    const derive = (info: string, length: number) => Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), info, length));
    this.sealing = derive('evikomp identity-number sealing v1', 32);
    this.hashing = derive('evikomp identity-number lookup v1', 32);
    this.id = derive('evikomp identity-number key id v1', 8).toString('hex');
  }

  /** AES-256-GCM; the person's id is the additional data, so a sealed number cannot be moved to another person's row. */
  seal(personId: string, digits: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealing, iv);
    cipher.setAAD(Buffer.from(personId, 'utf8'));
    const sealed = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), sealed]);
  }

  open(personId: string, stored: Buffer): string {
    if (stored[0] !== 1 || stored.length < 29) throw new Error('A personal identity number is stored in an unknown form.');
    const decipher = createDecipheriv('aes-256-gcm', this.sealing, stored.subarray(1, 13));
    decipher.setAAD(Buffer.from(personId, 'utf8'));
    decipher.setAuthTag(stored.subarray(13, 29));
    return Buffer.concat([decipher.update(stored.subarray(29)), decipher.final()]).toString('utf8');
  }

  /** HMAC-SHA-256 of the twelve digits: finds a person by number without decrypting anything. */
  lookupHash(digits: string): Buffer {
    return createHmac('sha256', this.hashing).update(digits, 'utf8').digest();
  }
}

/**
 * The keys the API knows: the current one seals and hashes every number written; previous ones (during a
 * rotation, `IDENTITY_NUMBER_KEY_PREVIOUS`) still open and find what they sealed until start-up has
 * re-encrypted it. The lookup hash changes with the key on purpose (operations.md says why), so a lookup
 * tries the hash of each key it knows.
 */
export class IdentityNumberKeyring {
  readonly current: IdentityNumberKey;
  private readonly byId: ReadonlyMap<string, IdentityNumberKey>;

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.current = new IdentityNumberKey(current);
    const keys = [this.current, ...previous.map((material) => new IdentityNumberKey(material))];
    this.byId = new Map(keys.reverse().map((key) => [key.id, key]));
  }

  get keyIds(): string[] {
    return [...this.byId.keys()];
  }

  key(id: string): IdentityNumberKey {
    const key = this.byId.get(id);
    if (!key) throw new UnknownIdentityNumberKeyError(id);
    return key;
  }

  /** The lookup hash under each key known, current first (one per key id). */
  lookupHashes(digits: string): Buffer[] {
    return [this.current, ...[...this.byId.values()].filter((key) => key !== this.current)].map((key) => key.lookupHash(digits));
  }
}

export class UnknownIdentityNumberKeyError extends Error {
  constructor(readonly keyId: string) {
    super(
      `A personal identity number is sealed with the key ${keyId}, which is not configured: set IDENTITY_NUMBER_KEY_PREVIOUS to the key it was sealed with.`,
    );
    this.name = 'UnknownIdentityNumberKeyError';
  }
}

/**
 * Used where no key is given (tests, tools that start the app in-process). The running API never uses it:
 * production requires IDENTITY_NUMBER_KEY, development generates a key into the data folder.
 */
export const TEST_IDENTITY_NUMBER_KEY = Buffer.alloc(32, 'evikomp-identity-number-test-only');
export const TEST_IDENTITY_NUMBER_KEYRING = new IdentityNumberKeyring(TEST_IDENTITY_NUMBER_KEY);

/**
 * Development: the key in `file` (base64), created with 32 random bytes (readable by this user only)
 * the first time, so the numbers of a development database survive restarts but no two machines share a key.
 */
export function developmentIdentityNumberKey(file: string): Buffer {
  try {
    return readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process starting at the same time wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(file);
}

function readKeyFile(file: string): Buffer {
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new Error(
      `${file} does not hold a 32-byte key in base64: restore the key, or remove the file to have a new one made (numbers sealed with the old key can then no longer be read).`,
    );
  return key;
}
