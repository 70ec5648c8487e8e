import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import {
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
  sealSecret,
  unsealSecret,
  verifyTotp,
} from './totp.js';

const KEY = Buffer.alloc(32, 3);

describe('second-factor secrets', () => {
  it('seal with AES-256-GCM: only the key opens them, and a changed byte is refused', () => {
    const secret = newTotpSecret();
    const sealed = sealSecret(secret, KEY);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(secret);
    expect(sealSecret(secret, KEY)).not.toBe(sealed);
    expect(unsealSecret(sealed, KEY)).toBe(secret);
    expect(() => unsealSecret(sealed, Buffer.alloc(32, 4))).toThrow();
    const [version, iv, tag, body] = sealed.split('.');
    const tampered = Buffer.from(body!, 'base64url');
    tampered[0] = tampered[0]! ^ 1;
    expect(() => unsealSecret([version, iv, tag, tampered.toString('base64url')].join('.'), KEY)).toThrow();
  });

  it('make an otpauth URI for the app', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'anna@example.se')).toBe(
      'otpauth://totp/Evikomp:anna%40example.se?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Evikomp',
    );
  });
});

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const now = Math.floor(Date.now() / 1000);

  it('take the current step and its neighbours, and refuse a step already used', async () => {
    const current = await generate({ secret, epoch: now });
    const step = await verifyTotp(secret, current, null);
    expect(step).toBe(Math.floor(now / 30));
    expect(await verifyTotp(secret, await generate({ secret, epoch: now - 30 }), null)).toBe(step! - 1);
    expect(await verifyTotp(secret, await generate({ secret, epoch: now + 30 }), null)).toBe(step! + 1);
    expect(await verifyTotp(secret, await generate({ secret, epoch: now - 120 }), null)).toBeNull();
    expect(await verifyTotp(secret, current, step)).toBeNull();
    expect(await verifyTotp(secret, 'abcdef', null)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, told apart from TOTP codes, hashed whatever the case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(code).not.toMatch(/[01ilo]/);
    }
    expect(codes.every(looksLikeRecoveryCode)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(recoveryCodeHash('K7WQ M2XR 9TPC')).toBe(recoveryCodeHash('k7wq-m2xr-9tpc'));
    expect(recoveryCodeHash('k7wq-m2xr-9tpc')).toMatch(/^[0-9a-f]{64}$/);
  });
});
