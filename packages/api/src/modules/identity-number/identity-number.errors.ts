import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { RequestError } from '../../platform/errors/request-error.js';
import { IDENTITY_NUMBER_MESSAGES, type IdentityNumberProblem } from './identity-number.js';

export const IdentityNumberErrors = {
  invalid: (field: string, problem: IdentityNumberProblem) =>
    DomainError.of(field, UserErrorCode.INVALID, IDENTITY_NUMBER_MESSAGES[problem]),
  taken: (field: string) => DomainError.of(field, UserErrorCode.TAKEN, 'Another person has this personal identity number.'),
  mayNotSet: (field: string) =>
    DomainError.of(
      field,
      UserErrorCode.FORBIDDEN,
      "Only administrators and the organisation's administrators set personal identity numbers.",
    ),
  /** For queries, which have no payload errors. */
  invalidArgument: (argumentName: string, problem: IdentityNumberProblem) =>
    new RequestError('BAD_USER_INPUT', IDENTITY_NUMBER_MESSAGES[problem], { argumentName }),
};
