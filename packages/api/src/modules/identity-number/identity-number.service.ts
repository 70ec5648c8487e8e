import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import type { Person } from '../person/person.entity.js';
import { formatIdentityNumber, parseIdentityNumber } from './identity-number.js';
import type { IdentityNumberKeyring } from './identity-number-keys.js';
import { IdentityNumberErrors } from './identity-number.errors.js';
import { IdentityNumberPolicy } from './identity-number.policy.js';
import { PersonIdentityNumber } from './person-identity-number.entity.js';

declare module '../../platform/context.js' {
  interface AppDependencies {
    /** The keys personal identity numbers are sealed and hashed with (`IDENTITY_NUMBER_KEY`, and the previous one while rotating). */
    identityNumberKeys: IdentityNumberKeyring;
  }
}

/** Opens a stored number with whichever configured key sealed it: YYYYMMDD-NNNN. */
export function openIdentityNumber(keys: IdentityNumberKeyring, row: PersonIdentityNumber): string {
  return formatIdentityNumber(keys.key(row.keyId).open(row.person.id, row.sealed));
}

/**
 * Personal identity numbers: setting them (inside the unit of work of the person mutation that carries
 * them), reading them for administrators, and finding a person by number through the keyed hash.
 */
export class IdentityNumberService {
  constructor(private readonly ctx: ServiceContext) {}

  private get keys(): IdentityNumberKeyring {
    return this.ctx.dependencies.identityNumberKeys;
  }

  /**
   * Sets or replaces the person's number, or removes it with an empty text; null or undefined leave it as
   * it is. Runs in the caller's unit of work: a refusal leaves nothing written. `field` names the input field.
   */
  async assign(em: EntityManager, person: Person, value: string | null | undefined, field = 'identityNumber'): Promise<void> {
    if (value === undefined || value === null) return;
    if (!IdentityNumberPolicy.of(this.ctx.access).canSet(person.homeOrganisation.id)) throw IdentityNumberErrors.mayNotSet(field);
    const numbers = em.getRepository(PersonIdentityNumber);
    const existing = await numbers.findOfPerson(person.id);
    if (value === '') {
      if (existing) em.remove(existing);
      return;
    }
    const parsed = parseIdentityNumber(value, this.ctx.today);
    if (!parsed.ok) throw IdentityNumberErrors.invalid(field, parsed.problem);
    const { digits } = parsed.value;
    const holder = await numbers.findByLookupHashes(this.keys.lookupHashes(digits));
    if (holder && holder.person.id !== person.id) throw IdentityNumberErrors.taken(field);
    const key = this.keys.current;
    // The same number under the current key: nothing changes (and the audit trail records no change).
    if (existing && holder === existing && existing.keyId === key.id) return;
    const sealed = { keyId: key.id, sealed: key.seal(person.id, digits), lookupHash: key.lookupHash(digits) };
    if (existing) Object.assign(existing, sealed);
    else em.create(PersonIdentityNumber, { person, ...sealed });
  }

  /** The number, YYYYMMDD-NNNN, of a stored row; only for callers who may read numbers (the caller checks). */
  reveal(row: PersonIdentityNumber): string {
    return openIdentityNumber(this.keys, row);
  }

  /** The id of the person who has this number (any accepted form), or null. Administrators only. */
  async findPersonId(text: string, argumentName = 'identityNumber'): Promise<string | null> {
    this.ctx.access.requireToRead(
      IdentityNumberPolicy.of(this.ctx.access).canRead(),
      'Only administrators find people by personal identity number.',
    );
    const parsed = parseIdentityNumber(text, this.ctx.today);
    if (!parsed.ok) throw IdentityNumberErrors.invalidArgument(argumentName, parsed.problem);
    const row = await this.ctx.em.getRepository(PersonIdentityNumber).findByLookupHashes(this.keys.lookupHashes(parsed.value.digits));
    return row?.person.id ?? null;
  }
}
