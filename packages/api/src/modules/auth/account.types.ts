import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { PersonObject } from '../person/person.types.js';
import type { AccountStateRow } from './auth.repository.js';

export enum AccountState {
  NONE = 'NONE',
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}
registerEnumType(AccountState, {
  name: 'AccountState',
  description: 'Whether a person can sign in.',
  valuesConfig: {
    NONE: { description: 'No account and no working invitation: the person cannot sign in (invite them).' },
    INVITED: { description: 'Invited: the link works until `invitationExpiresAt`; the account is active once they choose a password.' },
    ACTIVE: { description: 'The person signs in with their e-mail address and password.' },
    DEACTIVATED: { description: 'The account exists but cannot sign in until it is reactivated.' },
  },
});

export enum AccountInvitationOutcome {
  INVITED = 'INVITED',
  ALREADY_HAS_ACCOUNT = 'ALREADY_HAS_ACCOUNT',
  NO_EMAIL_ADDRESS = 'NO_EMAIL_ADDRESS',
  NOT_ALLOWED = 'NOT_ALLOWED',
}
registerEnumType(AccountInvitationOutcome, {
  name: 'AccountInvitationOutcome',
  description: 'What inviting one person of a selection did.',
  valuesConfig: {
    INVITED: { description: 'An invitation e-mail is on its way; a link sent earlier stops working.' },
    ALREADY_HAS_ACCOUNT: { description: 'Not invited: the person already has an account (active or deactivated).' },
    NO_EMAIL_ADDRESS: { description: 'Not invited: the person has no e-mail address to send it to (e.g. erased).' },
    NOT_ALLOWED: { description: "Not invited: you may not manage this person's sign-in, or there is no such person you can see." },
  },
});

@ObjectType('Account', { description: "A person's sign-in account: whether and since when they can sign in." })
export class AccountObject {
  @Field(() => AccountState, { description: 'None, invited, active or deactivated.' })
  state!: AccountState;

  @Field(() => DateTime, { nullable: true, description: 'When the working invitation was sent; null unless INVITED.' })
  invitedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Until when the invitation link works; null unless INVITED.' })
  invitationExpiresAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the person chose their password (the account became active).' })
  activatedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the person last signed in; null if never.' })
  lastSignInAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Since when the account is deactivated; null unless DEACTIVATED.' })
  deactivatedAt!: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'Until when sign-in is refused for everyone after failed attempts from many places (the lock ends by itself, or with a password reset); null when not locked.',
  })
  lockedUntil: Date | null = null;

  @Field(() => Boolean, {
    description:
      "Whether you may invite this person, re-send their invitation, or deactivate and reactivate their account (what accountInvite, accountDeactivate and accountReactivate allow you; never for one's own account's deactivation).",
  })
  manageable: boolean = false;
}

export function toAccountObject(row: AccountStateRow | undefined): AccountObject {
  const state = !row
    ? AccountState.NONE
    : row.has_account
      ? row.deactivated_at
        ? AccountState.DEACTIVATED
        : AccountState.ACTIVE
      : row.invitation_expires_at
        ? AccountState.INVITED
        : AccountState.NONE;
  const invited = state === AccountState.INVITED;
  return Object.assign(new AccountObject(), {
    state,
    invitedAt: invited ? row!.invited_at : null,
    invitationExpiresAt: invited ? row!.invitation_expires_at : null,
    activatedAt: row?.activated_at ?? null,
    lastSignInAt: row?.last_sign_in_at ?? null,
    deactivatedAt: row?.deactivated_at ?? null,
  });
}

@ObjectType('AccountPayload', { implements: MutationPayload, description: "Result of a change to a person's sign-in account." })
export class AccountPayload extends MutationPayload {
  @Field(() => PersonObject, { nullable: true, description: 'The person (ask for `account` to see the new state); null when it failed.' })
  person: PersonObject | null = null;
}

@ObjectType('AccountInvitationResult', { description: 'What inviting one person of a selection did.' })
export class AccountInvitationResultObject {
  @Field(() => ID, { description: 'Global id of the person, as selected.' })
  personId!: string;

  @Field(() => PersonObject, { nullable: true, description: 'The person; null when you may not see them.' })
  person!: PersonObject | null;

  @Field(() => AccountInvitationOutcome, { description: 'Invited, or why not.' })
  outcome!: AccountInvitationOutcome;

  @Field(() => DateTime, { nullable: true, description: 'Until when the new invitation link works; null unless INVITED.' })
  expiresAt!: Date | null;
}

@ObjectType('AccountInviteManyPayload', { implements: MutationPayload, description: 'Result of inviting a selection of people at once.' })
export class AccountInviteManyPayload extends MutationPayload {
  @Field(() => [AccountInvitationResultObject], { description: 'One line per person of the selection, in its order.' })
  results: AccountInvitationResultObject[] = [];

  @Field(() => Int, { description: 'How many of them were invited.' })
  invitedCount: number = 0;
}

@ObjectType('AccountInvitation', { description: 'What an invitation link is for, shown on the page where the person chooses a password.' })
export class AccountInvitationObject {
  @Field(() => String, { description: 'First name of the invited person.' })
  firstName!: string;

  @Field(() => String, { description: 'The e-mail address the person will sign in with.' })
  email!: string;

  @Field(() => DateTime, { description: 'Until when the link works.' })
  expiresAt!: Date;
}

@ObjectType('AccountActivationPayload', { implements: MutationPayload, description: 'Result of accepting an invitation.' })
export class AccountActivationPayload extends MutationPayload {
  @Field(() => Boolean, { description: 'Whether the account is now active (the person signs in with the password they chose).' })
  ok: boolean = false;
}
