import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { argumentEntityId, requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Programme } from '../cohort/programme.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { PersonErrors } from '../person/person.errors.js';
import { OfferingKind, OfferingStatus } from '../offering/offering.enums.js';
import { OfferingService } from '../offering/offering.service.js';
import { inAudience, personOrSelf } from '../offering/registration-engine.js';
import { NetworkMeeting } from './network-meeting.entity.js';
import { NetworkMembership } from './network-membership.entity.js';
import { Network } from './network.entity.js';
import { NetworkRole, NetworkStatus } from './network.enums.js';
import type {
  NetworkCreateInput,
  NetworkFacilitatorAddInput,
  NetworkFilterInput,
  NetworkMeetingCreateInput,
  NetworkMeetingRegisterInput,
  NetworkMeetingUpdateInput,
  NetworkMembershipInput,
  NetworkUpdateInput,
} from './network.inputs.js';
import { OfferingPolicy } from '../offering/offering.policy.js';

export const NetworkErrors = {
  notFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No network has this id.'),
  meetingNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No network meeting has this id.'),
  closed: () => DomainError.of('networkId', UserErrorCode.CONFLICT, 'The network is closed.'),
  alreadyMember: () => DomainError.of('personId', UserErrorCode.CONFLICT, 'The person is already a member of this network.'),
  notMember: () => DomainError.of('personId', UserErrorCode.CONFLICT, 'The person is not a member of this network.'),
  prerequisite: (programme: string) =>
    DomainError.of('networkId', UserErrorCode.CONFLICT, `Joining this network needs the completed programme "${programme}".`),
  membersOnly: (network: string) =>
    DomainError.of('personId', UserErrorCode.FORBIDDEN, `Only members of "${network}" register for its meetings.`),
};

export class NetworkService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Networks are public to everyone signed in, like the course catalogue (API clients: with a training scope). */
  async list(page: PageRequest<'name'>, filter: NetworkFilterInput = {}): Promise<Connection<Network>> {
    if (!OfferingPolicy.of(this.ctx.access).canReadTraining()) return findPage(this.ctx.em, Network, { id: { $in: [] } }, page);
    await assertValidInput(filter);
    const prerequisiteProgrammeId = filter.prerequisiteProgrammeId
      ? argumentEntityId(filter.prerequisiteProgrammeId, 'Programme', 'filter.prerequisiteProgrammeId')
      : null;
    return this.ctx.em.getRepository(Network).findPage({ ...filter, prerequisiteProgrammeId }, new Date(), page);
  }

  async find(id: string): Promise<Network | null> {
    return OfferingPolicy.of(this.ctx.access).canReadTraining() ? this.ctx.em.getRepository(Network).findById(id) : null;
  }

  async findMeeting(id: string): Promise<NetworkMeeting | null> {
    return OfferingPolicy.of(this.ctx.access).canReadTraining() ? this.ctx.em.getRepository(NetworkMeeting).findById(id) : null;
  }

  private get offerings(): OfferingService {
    return new OfferingService(this.ctx);
  }

  private requireAdministrator(): void {
    this.ctx.access.require(OfferingPolicy.of(this.ctx.access).canManageTraining(), null, 'Only administrators run networks.');
  }

  async create(input: NetworkCreateInput): Promise<Network> {
    this.requireAdministrator();
    await assertValidInput(input);
    const organisationIds = [
      ...new Set(
        (input.audienceOrganisationIds ?? []).map((id, index) => requireEntityId(id, 'Organisation', `audienceOrganisationIds.${index}`)),
      ),
    ];
    const programmeId = input.prerequisiteProgrammeId
      ? requireEntityId(input.prerequisiteProgrammeId, 'Programme', 'prerequisiteProgrammeId')
      : null;
    return unitOfWork(this.ctx, 'networkCreate', async (em) => {
      const found = await em.getRepository(Organisation).findByIds(organisationIds);
      const missing = organisationIds.findIndex((id) => !found.some((organisation) => organisation.id === id));
      if (missing >= 0) throw DomainError.of(`audienceOrganisationIds.${missing}`, UserErrorCode.NOT_FOUND, 'No organisation has this id.');
      const programme = programmeId ? await em.getRepository(Programme).findById(programmeId) : null;
      if (programmeId && !programme) throw DomainError.of('prerequisiteProgrammeId', UserErrorCode.NOT_FOUND, 'No programme has this id.');
      return em.create(Network, {
        name: input.name,
        description: input.description || null,
        audienceRoles: input.audienceRoles ?? [],
        audienceOrganisationIds: organisationIds,
        prerequisiteProgramme: programme,
      });
    });
  }

  async update(input: NetworkUpdateInput): Promise<Network> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Network', 'id');
    return unitOfWork(this.ctx, 'networkUpdate', async (em) => {
      const network = await em.getRepository(Network).findById(id);
      if (!network) throw NetworkErrors.notFound('id');
      if (input.name) network.name = input.name;
      if (input.description !== undefined) network.description = input.description || null;
      if (input.status) network.status = input.status;
      return network;
    });
  }

  /** Joins: oneself, or people of the organisations one administers; the audience and the prerequisite apply to all. */
  async join(input: NetworkMembershipInput): Promise<NetworkMembership> {
    OfferingPolicy.of(this.ctx.access).requireTrainingWrite();
    await assertValidInput(input);
    const networkId = requireEntityId(input.networkId, 'Network', 'networkId');
    const personId = personOrSelf(input.personId, this.ctx.access);
    return unitOfWork(this.ctx, 'networkJoin', async (em) => {
      const { network, person } = await this.networkAndPerson(em, networkId, personId);
      if (network.status !== NetworkStatus.ACTIVE) throw NetworkErrors.closed();
      if (!this.ctx.access.isAdministrator && !(await inAudience(em, network, person, this.ctx.today))) {
        throw DomainError.of('personId', UserErrorCode.FORBIDDEN, 'The person is not in the audience of this network.');
      }
      await this.requirePrerequisite(em, network, person);
      if (await em.getRepository(NetworkMembership).findOpen(network, person)) throw NetworkErrors.alreadyMember();
      return em.create(NetworkMembership, {
        network,
        person,
        organisation: person.homeOrganisation,
        role: NetworkRole.MEMBER,
        addedByPersonId: this.ctx.access.personId,
      });
    });
  }

  async leave(input: NetworkMembershipInput): Promise<NetworkMembership> {
    OfferingPolicy.of(this.ctx.access).requireTrainingWrite();
    await assertValidInput(input);
    const networkId = requireEntityId(input.networkId, 'Network', 'networkId');
    const personId = personOrSelf(input.personId, this.ctx.access);
    return unitOfWork(this.ctx, 'networkLeave', async (em) => {
      const { network, person } = await this.networkAndPerson(em, networkId, personId);
      const membership = await em.getRepository(NetworkMembership).findOpen(network, person);
      if (!membership) throw NetworkErrors.notMember();
      membership.leftAt = new Date();
      // The meetings are for members: a place in one that has not started goes to the next in line.
      const meetings = await em.getRepository(NetworkMeeting).findByNetworkIds([network.id]);
      await this.offerings.endUpcomingRegistrations(
        em,
        meetings.map((meeting) => meeting.offeringId),
        person.id,
        'NETWORK_LEFT',
      );
      return membership;
    });
  }

  /** Facilitators lead the meetings; they need no prerequisite (they are often from the county's team). */
  async addFacilitator(input: NetworkFacilitatorAddInput): Promise<NetworkMembership> {
    this.requireAdministrator();
    await assertValidInput(input);
    const networkId = requireEntityId(input.networkId, 'Network', 'networkId');
    const personId = requireEntityId(input.personId, 'Person', 'personId');
    return unitOfWork(this.ctx, 'networkFacilitatorAdd', async (em) => {
      const { network, person } = await this.networkAndPerson(em, networkId, personId);
      const open = await em.getRepository(NetworkMembership).findOpen(network, person);
      if (open?.role === NetworkRole.FACILITATOR)
        throw DomainError.of('personId', UserErrorCode.CONFLICT, 'The person is already a facilitator of this network.');
      if (open) {
        open.role = NetworkRole.FACILITATOR;
        return open;
      }
      return em.create(NetworkMembership, {
        network,
        person,
        organisation: person.homeOrganisation,
        role: NetworkRole.FACILITATOR,
        addedByPersonId: this.ctx.access.personId,
      });
    });
  }

  /** Meetings: administrators, and the network's facilitators. */
  async createMeeting(input: NetworkMeetingCreateInput): Promise<NetworkMeeting> {
    await assertValidInput(input);
    const networkId = requireEntityId(input.networkId, 'Network', 'networkId');
    if (input.endsAt <= input.startsAt) throw DomainError.of('endsAt', UserErrorCode.INVALID, 'A meeting must end after it starts.');
    return unitOfWork(this.ctx, 'networkMeetingCreate', async (em) => {
      const network = await em.getRepository(Network).findById(networkId);
      if (!network) throw NetworkErrors.notFound('networkId');
      await this.requirePlanner(em, network.id);
      if (network.status !== NetworkStatus.ACTIVE) throw NetworkErrors.closed();
      // The meeting is its offering's one session; its title names the session in calendars (with the network's name).
      const offeringId = this.offerings.createOffering(
        em,
        OfferingKind.MEETING,
        { status: OfferingStatus.OPEN, capacity: input.capacity, registrationClosesAt: input.startsAt },
        { startsAt: input.startsAt, endsAt: input.endsAt, venue: input.venue, onlineUrl: input.onlineUrl },
      );
      return em.create(NetworkMeeting, { network, offeringId, title: input.title, description: input.description || null });
    });
  }

  /** Changes a meeting: administrators and the network's facilitators. */
  async updateMeeting(input: NetworkMeetingUpdateInput): Promise<NetworkMeeting> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'NetworkMeeting', 'id');
    return unitOfWork(this.ctx, 'networkMeetingUpdate', async (em) => {
      const meeting = await em.getRepository(NetworkMeeting).findById(id);
      if (!meeting) throw NetworkErrors.meetingNotFound('id');
      await this.requirePlanner(em, meeting.network.id);
      if (input.title) meeting.title = input.title;
      if (input.description !== undefined) meeting.description = input.description || null;
      await this.offerings.changeOffering(em, meeting.offeringId, { capacity: input.capacity, status: input.status });
      return meeting;
    });
  }

  /** Administrators, and the network's facilitators, plan its meetings. */
  private async requirePlanner(em: EntityManager, networkId: string): Promise<void> {
    const facilitates =
      this.ctx.access.personId !== null &&
      (await em.getRepository(NetworkMembership).countOpenFacilitator(networkId, this.ctx.access.personId)) > 0;
    this.ctx.access.require(
      OfferingPolicy.of(this.ctx.access).canManageTraining() || facilitates,
      null,
      "Administrators and the network's facilitators plan its meetings.",
    );
  }

  /** Members register for a meeting on the shared engine; being a member is the meeting's own requirement. */
  async registerForMeeting(input: NetworkMeetingRegisterInput) {
    await assertValidInput(input);
    const meetingId = requireEntityId(input.meetingId, 'NetworkMeeting', 'meetingId');
    const personId = personOrSelf(input.personId, this.ctx.access);
    return unitOfWork(this.ctx, 'networkMeetingRegister', async (em) => {
      const meeting = await em.getRepository(NetworkMeeting).findWithNetwork(meetingId);
      if (!meeting) throw NetworkErrors.meetingNotFound('meetingId');
      const network = meeting.network.getEntity();
      return this.offerings.register(em, meeting.offeringId, personId, 'meetingId', async (person) => {
        if (!(await em.getRepository(NetworkMembership).countOpen(network, person))) throw NetworkErrors.membersOnly(network.name);
      });
    });
  }

  /** The network, and a person the caller may act for: themselves or people of organisations they administer. */
  private async networkAndPerson(em: EntityManager, networkId: string, personId: string): Promise<{ network: Network; person: Person }> {
    const network = await em.getRepository(Network).findById(networkId);
    if (!network) throw NetworkErrors.notFound('networkId');
    const person = await em.getRepository(Person).findVisible(personId, OfferingPolicy.of(this.ctx.access).registrationScope());
    if (!person) throw PersonErrors.notFound('personId');
    this.ctx.access.require(
      this.ctx.access.isSelf(person.id) || OfferingPolicy.of(this.ctx.access).canManageRegistrationsOf(person.homeOrganisation.id),
      'personId',
      'You may act for yourself, or for people of the organisations you administer.',
    );
    return { network, person };
  }

  private async requirePrerequisite(em: EntityManager, network: Network, person: Person): Promise<void> {
    if (!network.prerequisiteProgramme) return;
    if (!(await this.offerings.hasCompletedProgramme(em, person.id, network.prerequisiteProgramme.id)))
      throw NetworkErrors.prerequisite((await em.getRepository(Programme).getById(network.prerequisiteProgramme.id)).name);
  }
}
