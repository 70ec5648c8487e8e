import { describe, expect, it } from 'vitest';
import { formatIdentityNumber, IdentityNumberProblem, luhnCheckDigit, parseIdentityNumber } from './identity-number.js';

const TODAY = '2026-12-01';
const digits = (text: string, today = TODAY) => {
  const result = parseIdentityNumber(text, today);
  return result.ok ? result.value.digits : result.problem;
};

describe('parseIdentityNumber', () => {
  it('reads the twelve-digit forms, with or without the hyphen, as twelve digits', () => {
    expect(digits('19121212-1212')).toBe('191212121212');
    expect(digits('191212121212')).toBe('191212121212');
    expect(digits(' 19121212-1212 ')).toBe('191212121212');
  });

  it('reads the ten-digit forms: the latest century in which the birthday has come, a + for a hundred years before', () => {
    expect(digits('121212-1212')).toBe('201212121212');
    expect(digits('1212121212')).toBe('201212121212');
    expect(digits('121212+1212')).toBe('191212121212');
    // Born on 1 December 1926: 100 today, so written with +; 9 December 1926: 99 today, written with -.
    expect(digits('261201+5327')).toBe('192612015327');
    expect(digits('261201-5327')).toBe('202612015327');
    expect(digits('261209-5329')).toBe('192612095329');
    expect(digits('261209+5329')).toBe('182612095329');
    // The same number the day before the 1926 birthday: that year's birthday has not come, so 1926.
    expect(digits('261201-5327', '2026-11-30')).toBe('192612015327');
  });

  it('reads coordination numbers (day plus 60) and says so', () => {
    const result = parseIdentityNumber('19701063-2391', TODAY);
    expect(result).toEqual({ ok: true, value: { digits: '197010632391', coordination: true, birthDate: '1970-10-03' } });
    expect(digits('701063-2391')).toBe('197010632391');
    expect(parseIdentityNumber('19121212-1212', TODAY)).toMatchObject({
      ok: true,
      value: { coordination: false, birthDate: '1912-12-12' },
    });
  });

  it('refuses a wrong check digit', () => {
    expect(digits('19121212-1213')).toBe(IdentityNumberProblem.CHECK_DIGIT);
    expect(digits('121212-1211')).toBe(IdentityNumberProblem.CHECK_DIGIT);
    expect(digits('19701063-2392')).toBe(IdentityNumberProblem.CHECK_DIGIT);
  });

  it('refuses dates that do not exist or have not come, also for coordination numbers', () => {
    expect(digits('20000229-1235')).toBe('200002291235');
    expect(digits('20010229-1234')).toBe(IdentityNumberProblem.DATE);
    expect(digits('19121312-1212')).toBe(IdentityNumberProblem.DATE);
    expect(digits('19120012-1212')).toBe(IdentityNumberProblem.DATE);
    expect(digits('19121200-1212')).toBe(IdentityNumberProblem.DATE);
    expect(digits('19121232-1212')).toBe(IdentityNumberProblem.DATE);
    expect(digits('19701092-2391')).toBe(IdentityNumberProblem.DATE);
    expect(digits('20270101-1234')).toBe(IdentityNumberProblem.DATE);
    expect(digits('17991231-1234')).toBe(IdentityNumberProblem.DATE);
  });

  it('refuses the birth number 000, which is never given', () => {
    expect(digits('19260101-0008')).toBe(IdentityNumberProblem.SERIAL);
  });

  it('refuses other lengths, letters and separators', () => {
    for (const text of [
      '',
      '1912121212121',
      '19121212-121',
      '1212121-1212',
      '19121212_1212',
      '121212 1212',
      '19121212-12l2',
      '+1212121212',
      '121212--1212',
    ]) {
      expect(digits(text), text).toBe(IdentityNumberProblem.FORMAT);
    }
  });
});

describe('luhnCheckDigit and formatIdentityNumber', () => {
  it('computes the check digit over YYMMDDNNN', () => {
    expect(luhnCheckDigit('121212121')).toBe(2);
    expect(luhnCheckDigit('701063239')).toBe(1);
    expect(luhnCheckDigit('811218987')).toBe(6);
  });

  it('shows the stored digits as YYYYMMDD-NNNN', () => {
    expect(formatIdentityNumber('191212121212')).toBe('19121212-1212');
  });
});
