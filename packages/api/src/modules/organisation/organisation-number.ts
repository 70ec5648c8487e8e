import { createRequire } from 'node:module';

// A CommonJS module whose typings declare an ES default export; require() gives the class itself.
const Organisationsnummer = createRequire(import.meta.url)('organisationsnummer') as typeof import('organisationsnummer').default;

export type OrganisationNumberCheck =
  { valid: true; normalised: string } | { valid: false; reason: 'FORMAT' | 'CHECK_DIGIT' | 'NOT_AN_ORGANISATION' };

/** Luhn (mod 10) over the ten digits: the last digit checks the nine before it. */
function hasValidCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let value = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return sum % 10 === 0;
}

/**
 * Checks a Swedish organisation number (NNNNNN-NNNN, with or without the hyphen). Members are legal
 * entities, so personal identity numbers (sole traders) are refused.
 */
export function checkOrganisationNumber(input: string): OrganisationNumberCheck {
  const compact = input.trim();
  if (!/^\d{6}-?\d{4}$/.test(compact)) return { valid: false, reason: 'FORMAT' };
  const digits = compact.replace('-', '');
  if (!hasValidCheckDigit(digits)) return { valid: false, reason: 'CHECK_DIGIT' };
  if (!Organisationsnummer.valid(digits)) return { valid: false, reason: 'NOT_AN_ORGANISATION' };
  const parsed = Organisationsnummer.parse(digits);
  if (parsed.isPersonnummer()) return { valid: false, reason: 'NOT_AN_ORGANISATION' };
  return { valid: true, normalised: parsed.format(true) };
}

export const ORGANISATION_NUMBER_MESSAGES: Record<Exclude<OrganisationNumberCheck, { valid: true }>['reason'], string> = {
  FORMAT: 'Must be ten digits, NNNNNN-NNNN.',
  CHECK_DIGIT: 'The check digit (the last digit) is wrong.',
  NOT_AN_ORGANISATION: 'Is not the number of a legal entity (the third digit must be 2 or more).',
};
