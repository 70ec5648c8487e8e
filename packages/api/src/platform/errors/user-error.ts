import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** What kind of problem a user error is; clients translate messages by this code. */
export enum UserErrorCode {
  /** The value breaks a validation rule (empty, too long, malformed, out of range). */
  INVALID = 'INVALID',
  /** The id names nothing the caller can see. */
  NOT_FOUND = 'NOT_FOUND',
  /** The value must be unique and is already taken. */
  TAKEN = 'TAKEN',
  /** The change conflicts with a business rule or with the current state. */
  CONFLICT = 'CONFLICT',
  /** The caller may see the object but not make this change. */
  FORBIDDEN = 'FORBIDDEN',
  /** The e-mail address and password do not match an account. */
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  /** Too many failed attempts: the account or address is locked for a while (see the message). */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /** A password-reset or invitation token that is unknown, used or expired. */
  INVALID_TOKEN = 'INVALID_TOKEN',
  /** The account is deactivated: it cannot sign in until it is reactivated. */
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Kind of a user error; clients show their own text by this code.',
  valuesConfig: {
    INVALID: { description: 'The value breaks a validation rule (empty, too long, malformed, out of range, wrong check digit).' },
    NOT_FOUND: { description: 'The id names nothing the caller can see.' },
    TAKEN: { description: 'The value must be unique and is already taken.' },
    CONFLICT: { description: 'The change conflicts with a business rule or with the current state.' },
    FORBIDDEN: { description: 'The caller may see the object but not make this change.' },
    INVALID_CREDENTIALS: { description: 'Signing in: the e-mail address and password do not match an account.' },
    TOO_MANY_ATTEMPTS: {
      description: 'Signing in: too many failed attempts, the account or address is locked for a while (see the message).',
    },
    INVALID_TOKEN: { description: 'The token of a password-reset or invitation link is unknown, already used, replaced or expired.' },
    ACCOUNT_DEACTIVATED: {
      description: "Signing in: the account is deactivated; an administrator (or the organisation's administrator) can reactivate it.",
    },
  },
});

@ObjectType({ description: 'A problem with the input of a mutation. Nothing was changed.' })
export class UserError {
  @Field(() => String, {
    nullable: true,
    description: 'Input field at fault, as a dotted path within `input` (null: the input as a whole).',
  })
  field!: string | null;

  @Field(() => String, { description: 'What is wrong, in English. Clients show their own text by `code`.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'Kind of problem.' })
  code!: UserErrorCode;
}

export function userError(field: string | null, code: UserErrorCode, message: string): UserError {
  return Object.assign(new UserError(), { field, code, message });
}

/** Thrown by services to abort the unit of work with errors the caller should see. */
export class DomainError extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => `${error.field ?? 'input'}: ${error.message}`).join('; '));
    this.name = 'DomainError';
  }

  static of(field: string | null, code: UserErrorCode, message: string): DomainError {
    return new DomainError([userError(field, code, message)]);
  }
}
