import { validate, type ValidationError } from 'class-validator';
import { DomainError, UserErrorCode, userError, type UserError } from './errors/user-error.js';

function flatten(errors: ValidationError[], prefix = ''): UserError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => userError(field, UserErrorCode.INVALID, message));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates an input by its class-validator decorators; throws a DomainError naming every bad field.
 * Its texts were normalised and checked before the resolver ran (`graphql/text-arguments.ts`).
 */
export async function assertValidInput(input: object): Promise<void> {
  const errors = flatten(await validate(input, { forbidUnknownValues: false, skipMissingProperties: false }));
  if (errors.length > 0) throw new DomainError(errors);
}
