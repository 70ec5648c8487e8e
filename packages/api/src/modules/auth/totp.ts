import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

/** Codes of the step before and after the current one still work (a clock a little off, a code typed slowly). */
const TOLERANCE_SECONDS = 30;
const ISSUER = 'Evikomp';

/** A key for sealing second-factor secrets outside production when SECOND_FACTOR_KEY is not set. Never for real accounts. */
export const DEVELOPMENT_SECOND_FACTOR_KEY = Buffer.alloc(32, 'evikomp-development-only');

/** A new TOTP secret (160 bits, Base32, as authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The `otpauth://` URI an authenticator app reads (from a QR code, or typed). */
export function otpauthUri(secret: string, accountName: string): string {
  return generateURI({ issuer: ISSUER, label: accountName, secret });
}

/**
 * The time step a code matched, or null. A step at or before `afterTimeStep` (the last one used) is
 * refused, so an overheard code cannot be used again.
 */
export async function verifyTotp(secret: string, code: string, afterTimeStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Seals a secret with AES-256-GCM under the server's key: the database alone does not give it away.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export function sealSecret(secret: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function unsealSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !sealed) throw new Error('A second-factor secret is stored in an unknown form.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
}

// No 0/O, 1/I/L: recovery codes are read off paper and typed.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten single-use recovery codes, e.g. `k7wq-m2xr-9tpc` (about 69 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('')).join(
      '-',
    ),
  );
}

/** Whether what was typed looks like a recovery code rather than a six-digit TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /[a-z]/i.test(code);
}

/** Recovery codes are random and single use: a SHA-256 of the normalised code is the right lookup key. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''), 'utf8')
    .digest('hex');
}
