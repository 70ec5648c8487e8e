import { Field, InterfaceType } from 'type-graphql';
import { constraintUserError } from './constraint-errors.js';
import { DomainError, UserError } from './user-error.js';

@InterfaceType('MutationPayload', { description: 'What every mutation returns: its result, or the reasons it changed nothing.' })
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Why the mutation changed nothing; empty when it succeeded. Always select it.' })
  errors: UserError[] = [];
}

export interface MutationOutcome<TResult> {
  result: TResult | null;
  errors: UserError[];
}

/**
 * Runs a mutation's unit of work and turns domain errors and known constraint violations into the
 * payload's `errors`; the transaction was rolled back by then, so nothing was written. Anything else is
 * unexpected and propagates (the error formatter hides its details from the client).
 */
export async function mutationResult<TResult>(work: () => Promise<TResult>): Promise<MutationOutcome<TResult>> {
  try {
    return { result: await work(), errors: [] };
  } catch (error) {
    if (error instanceof DomainError) return { result: null, errors: error.errors };
    const constraintError = constraintUserError(error);
    if (constraintError) return { result: null, errors: [constraintError] };
    throw error;
  }
}
