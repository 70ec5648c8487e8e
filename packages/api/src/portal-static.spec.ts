import { describe, expect, it } from 'vitest';
import { withoutLinkToken } from './portal-static.js';

describe('withoutLinkToken', () => {
  it('keeps the token of an invitation or reset link out of a logged URL', () => {
    expect(withoutLinkToken('/invitation/abcDEF_-123')).toBe('/invitation/[token]');
    expect(withoutLinkToken('/reset-password/abcDEF_-123?x=1')).toBe('/reset-password/[token]?x=1');
    expect(withoutLinkToken('/forgot-password')).toBe('/forgot-password');
    expect(withoutLinkToken('/directory/invitation/x')).toBe('/directory/invitation/x');
  });
});
