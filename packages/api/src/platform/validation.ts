import { validate, type ValidationError } from 'class-validator';
import { DomainError, UserErrorCode, userError, type UserError } from './errors/user-error.js';

function flatten(errors: ValidationError[], prefix = ''): UserError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => userError(field, UserErrorCode.INVALID, message));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// Control characters have no place in names or addresses, and PostgreSQL refuses NUL in text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Leading and trailing white space is never meaningful in our inputs (pasted e-mail addresses often
 * carry some); control characters are refused, naming the field.
 */
function trimStrings(input: object): UserError[] {
  const record = input as Record<string, unknown>;
  const errors: UserError[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string') continue;
    record[key] = value.trim();
    if (CONTROL_CHARACTERS.test(value)) errors.push(userError(key, UserErrorCode.INVALID, 'Contains a character that is not allowed.'));
  }
  return errors;
}

/**
 * Trims the input's texts, then validates it by its class-validator decorators; throws a DomainError
 * naming every bad field.
 */
export async function assertValidInput(input: object): Promise<void> {
  const characterErrors = trimStrings(input);
  const errors = [...characterErrors, ...flatten(await validate(input, { forbidUnknownValues: false, skipMissingProperties: false }))];
  if (errors.length > 0) throw new DomainError(errors);
}
