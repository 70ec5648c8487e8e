import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { RequestError } from '../../platform/errors/request-error.js';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationErrors } from '../organisation/organisation.errors.js';
import { PasswordReset } from '../auth/password-reset.entity.js';
import { Session } from '../auth/session.entity.js';
import { AccountService } from '../auth/account.service.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Person } from './person.entity.js';
import { PersonErrors } from './person.errors.js';
import { PersonOrderField, type PersonCreateInput, type PersonFilterInput, type PersonUpdateInput } from './person.inputs.js';
import { OrganisationPolicy } from '../organisation/organisation.policy.js';
import { PersonPolicy } from './person.policy.js';
import { IdentityNumberService } from '../identity-number/identity-number.service.js';

/** What people may change about themselves; the rest is for administrators of their organisation. */
const SELF_SERVICE_FIELDS = new Set(['firstName', 'lastName', 'phone', 'language']);

/**
 * Whether the caller may change this person and their account beyond self-service (name, e-mail,
 * organisation, sign-in): `PersonPolicy.canChangePerson` over the roles the person holds today and
 * from later days. Every mutation that changes a person or their account asks this.
 */
export async function mayChangePerson(em: EntityManager, access: AccessPolicy, person: Person, today: string): Promise<boolean> {
  if (access.isAdministrator) return true;
  if (!OrganisationPolicy.of(access).canManageOrganisationData(person.homeOrganisation.id)) return false;
  const held = await em.getRepository(RoleAssignment).findHeldOnOrAfter(person.id, today);
  return PersonPolicy.of(access).canChangePerson(person.homeOrganisation.id, held);
}

export class PersonService {
  constructor(private readonly ctx: ServiceContext) {}

  list(filter: PersonFilterInput | undefined, page: PageRequest<PersonOrderField>): Promise<Connection<Person>> {
    // E-mail addresses the caller may not see must not leak through search matches or sort cursors.
    const scopes = PersonPolicy.of(this.ctx.access);
    const seesAllContacts = scopes.contactScope().everything;
    if (page.orderBy.field === PersonOrderField.EMAIL && !seesAllContacts) {
      throw new RequestError('FORBIDDEN', "Sorting by e-mail needs access to everyone's contact details.", { argumentName: 'orderBy' });
    }
    return this.ctx.em.getRepository(Person).findPage(filter, page, scopes.readScope(), this.ctx.today, seesAllContacts);
  }

  async create(input: PersonCreateInput): Promise<Person> {
    await assertValidInput(input);
    const homeOrganisationId = requireEntityId(input.homeOrganisationId, 'Organisation', 'homeOrganisationId');
    return unitOfWork(
      this.ctx,
      'personCreate',
      async (em) => {
        const homeOrganisation = await em.getRepository(Organisation).findOne({ id: homeOrganisationId });
        if (!homeOrganisation) throw OrganisationErrors.notFound('homeOrganisationId');
        this.ctx.access.require(
          OrganisationPolicy.of(this.ctx.access).canManageOrganisationData(homeOrganisation.id),
          'homeOrganisationId',
          'You may not add people to this organisation.',
        );
        if (await em.getRepository(Person).findByEmail(input.email)) throw PersonErrors.emailTaken();
        const person = em.create(Person, {
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          phone: input.phone || null,
          ...(input.language ? { language: input.language } : {}),
          homeOrganisation,
        });
        await new IdentityNumberService(this.ctx).assign(em, person, input.identityNumber || undefined);
        return person;
      },
      input.invite ? (em, person) => new AccountService(this.ctx).inviteAlongside(em, person, 'invite') : undefined,
    );
  }

  async update(input: PersonUpdateInput): Promise<Person> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Person', 'id');
    const homeOrganisationId = input.homeOrganisationId
      ? requireEntityId(input.homeOrganisationId, 'Organisation', 'homeOrganisationId')
      : null;
    return unitOfWork(this.ctx, 'personUpdate', async (em) => {
      const people = em.getRepository(Person);
      const person = await people.findVisible(id, PersonPolicy.of(this.ctx.access).readScope());
      if (!person) throw PersonErrors.notFound('id');
      const access = this.ctx.access;
      const organisations = OrganisationPolicy.of(access);
      if (!(await mayChangePerson(em, access, person, this.ctx.today))) {
        if (!access.isSelf(person.id)) {
          access.require(
            false,
            null,
            organisations.canManageOrganisationData(person.homeOrganisation.id)
              ? 'This person holds, or will hold, roles beyond what you manage; an administrator changes them.'
              : 'You may not change this person.',
          );
        }
        const field = Object.keys(input).find(
          (key) => key !== 'id' && !SELF_SERVICE_FIELDS.has(key) && (input as unknown as Record<string, unknown>)[key] != null,
        );
        access.require(!field, field ?? null, "Only the organisation's administrators change this.");
      }
      if (input.email && input.email.toLowerCase() !== person.email.toLowerCase() && (await people.findByEmail(input.email)))
        throw PersonErrors.emailTaken();
      let homeOrganisation: Organisation | null = null;
      if (homeOrganisationId && homeOrganisationId !== person.homeOrganisation.id) {
        homeOrganisation = await em.getRepository(Organisation).findOne({ id: homeOrganisationId });
        if (!homeOrganisation) throw OrganisationErrors.notFound('homeOrganisationId');
        access.require(
          organisations.canManageOrganisationData(homeOrganisation.id),
          'homeOrganisationId',
          'You may not move people to this organisation.',
        );
      }

      if (homeOrganisation) person.homeOrganisation = em.getReference(Organisation, homeOrganisation.id, { wrapped: true });
      if (input.firstName) person.firstName = input.firstName;
      if (input.lastName) person.lastName = input.lastName;
      if (input.email && input.email.toLowerCase() !== person.email.toLowerCase()) {
        person.email = input.email;
        // A new address: sign-ins and reset links made for the old one end.
        await em.getRepository(Session).revokeAllOf(person.id);
        await em.getRepository(PasswordReset).expireAllOf(person.id);
      } else if (input.email) {
        person.email = input.email;
      }
      if (input.phone !== undefined) person.phone = input.phone || null;
      if (input.language) person.language = input.language;
      await new IdentityNumberService(this.ctx).assign(em, person, input.identityNumber);
      return person;
    });
  }
}
