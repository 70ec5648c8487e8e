import { validate, type ValidationError } from 'class-validator';
import { DomainError, UserErrorCode, userError, type UserError } from './errors/user-error.js';

function flatten(errors: ValidationError[], prefix = ''): UserError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => userError(field, UserErrorCode.INVALID, message));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Leading and trailing white space is never meaningful in our inputs (pasted e-mail addresses often carry some). */
function trimStrings(input: object): void {
  const record = input as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') record[key] = value.trim();
  }
}

/**
 * Trims the input's texts, then validates it by its class-validator decorators; throws a DomainError
 * naming every bad field.
 */
export async function assertValidInput(input: object): Promise<void> {
  trimStrings(input);
  const errors = await validate(input, { forbidUnknownValues: false, skipMissingProperties: false });
  if (errors.length > 0) throw new DomainError(flatten(errors));
}
