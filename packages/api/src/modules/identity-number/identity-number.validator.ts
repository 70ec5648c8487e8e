import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { todayInSweden } from '../../platform/swedish-time.js';
import { IDENTITY_NUMBER_MESSAGES, parseIdentityNumber } from './identity-number.js';

/**
 * A Swedish personal identity number or coordination number in one of the accepted forms, with a real
 * date and the right check digit; the message says which of these is wrong. An empty text passes (it removes the number).
 */
export function IsIdentityNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIdentityNumber',
      validator: {
        validate: (value: unknown) => value === '' || (typeof value === 'string' && parseIdentityNumber(value, todayInSweden()).ok),
        defaultMessage: ({ value }: ValidationArguments) => {
          const result = typeof value === 'string' ? parseIdentityNumber(value, todayInSweden()) : null;
          return result && !result.ok ? IDENTITY_NUMBER_MESSAGES[result.problem] : 'Must be a personal identity number.';
        },
      },
    },
    options,
  );
}
