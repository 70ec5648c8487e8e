import { describe, expect, it } from 'vitest';
import { normaliseText, textProblem, TextKind } from './text.js';

describe('text inputs', () => {
  it('composes to NFC and trims, but leaves passwords as typed apart from trimming', () => {
    expect(normaliseText(' a\u030aberg ', TextKind.SINGLE_LINE)).toBe('\u00e5berg');
    expect(normaliseText(' a\u030a ', TextKind.SECRET)).toBe('a\u030a');
  });

  it('turns CR LF and CR into LF in multi-line texts only', () => {
    expect(normaliseText('a\r\nb\rc', TextKind.MULTI_LINE)).toBe('a\nb\nc');
    expect(textProblem(normaliseText('a\r\nb', TextKind.SINGLE_LINE), TextKind.SINGLE_LINE)).not.toBeNull();
  });

  it.each(['\t', '\n', '\r', '\u0085', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u0000', '\u007f', '\ud800'])(
    'refuses %j inside a single-line text',
    (character) => expect(textProblem(`a${character}b`, TextKind.SINGLE_LINE)).not.toBeNull(),
  );

  it('allows LF in a multi-line text but not a tab, a next-line or an override', () => {
    expect(textProblem('a\nb', TextKind.MULTI_LINE)).toBeNull();
    for (const character of ['\t', '\u0085', '\u2028', '\u202e']) expect(textProblem(`a${character}b`, TextKind.MULTI_LINE)).not.toBeNull();
  });

  it('refuses texts made only of invisible characters, and keeps joiners inside words', () => {
    for (const text of ['\u200b', '\u200c\u200d', '\u2060\ufeff', '\u3164', '\u2800', '\u00ad', '\u034f'])
      expect(textProblem(text, TextKind.SINGLE_LINE)).not.toBeNull();
    expect(textProblem('ميرزا\u200cزاده', TextKind.SINGLE_LINE)).toBeNull();
    expect(textProblem('👩\u200d⚕️', TextKind.SINGLE_LINE)).toBeNull();
    expect(textProblem('', TextKind.SINGLE_LINE)).toBeNull();
  });

  it('refuses only control characters in a password', () => {
    expect(textProblem('\u200b\u202e pass', TextKind.SECRET)).toBeNull();
    expect(textProblem('pa\u0007ss', TextKind.SECRET)).not.toBeNull();
  });
});
