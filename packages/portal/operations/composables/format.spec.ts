import { describe, expect, it } from 'vitest';
import { formatKronor, parseNumber } from './format.js';

describe('operations formats', () => {
  it('writes kronor the Swedish way by default', () => {
    expect(formatKronor(7_106_957, 'sv').replace(/\s/g, ' ')).toBe('7 106 957 kr');
    expect(formatKronor(7_106_957, 'en').replace(/\s/g, ' ')).toBe('SEK 7,106,957');
  });

  it('reads numbers typed with a decimal comma or spaces, and refuses what is not a number', () => {
    expect(parseNumber('379,3')).toBe(379.3);
    expect(parseNumber('7 106 957')).toBe(7_106_957);
    expect(parseNumber('12abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});
