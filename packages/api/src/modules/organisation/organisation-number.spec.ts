import { describe, expect, it } from 'vitest';
import { checkOrganisationNumber } from './organisation-number.js';

describe('checkOrganisationNumber', () => {
  it('accepts a valid number with or without the hyphen and normalises it', () => {
    expect(checkOrganisationNumber('212000-0449')).toEqual({ valid: true, normalised: '212000-0449' });
    expect(checkOrganisationNumber('2120000449')).toEqual({ valid: true, normalised: '212000-0449' });
  });

  it('refuses a number whose check digit is wrong', () => {
    expect(checkOrganisationNumber('212000-0448')).toEqual({ valid: false, reason: 'CHECK_DIGIT' });
  });

  it('refuses anything that is not ten digits', () => {
    expect(checkOrganisationNumber('21200-0449')).toMatchObject({ valid: false, reason: 'FORMAT' });
    expect(checkOrganisationNumber('abc')).toMatchObject({ valid: false, reason: 'FORMAT' });
    expect(checkOrganisationNumber('')).toMatchObject({ valid: false, reason: 'FORMAT' });
  });

  it('refuses a personal identity number (third digit below 2)', () => {
    // 811218-9876 is a syntactically valid personnummer (Skatteverket's test range).
    expect(checkOrganisationNumber('811218-9876')).toMatchObject({ valid: false, reason: 'NOT_AN_ORGANISATION' });
  });
});
