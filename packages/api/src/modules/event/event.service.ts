import type { ServiceContext } from '../../platform/context.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { argumentEntityId, requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { OfferingKind } from '../offering/offering.enums.js';
import { OfferingService } from '../offering/offering.service.js';
import { personOrSelf } from '../offering/registration-engine.js';
import { Event } from './event.entity.js';
import type { EventCreateInput, EventFilterInput, EventRegisterInput, EventUpdateInput } from './event.inputs.js';
import { OfferingPolicy } from '../offering/offering.policy.js';

const eventNotFound = (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No event has this id.');

export class EventService {
  constructor(private readonly ctx: ServiceContext) {}

  private get offerings(): OfferingService {
    return new OfferingService(this.ctx);
  }

  /** Events are public to everyone signed in (API clients: with a training scope). */
  async list(page: PageRequest<'createdAt'>, filter: EventFilterInput = {}): Promise<Connection<Event>> {
    if (!OfferingPolicy.of(this.ctx.access).canReadTraining()) return findPage(this.ctx.em, Event, { id: { $in: [] } }, page);
    await assertValidInput(filter);
    const offeringIds = filter.registrableBy
      ? await this.offerings.registrableOfferingIds(
          this.ctx.em,
          OfferingKind.EVENT,
          argumentEntityId(filter.registrableBy, 'Person', 'filter.registrableBy'),
        )
      : null;
    return this.ctx.em.getRepository(Event).findPage({ ...filter, offeringIds }, new Date(), page);
  }

  async find(id: string): Promise<Event | null> {
    return OfferingPolicy.of(this.ctx.access).canReadTraining() ? this.ctx.em.getRepository(Event).findById(id) : null;
  }

  async create(input: EventCreateInput): Promise<Event> {
    this.ctx.access.require(OfferingPolicy.of(this.ctx.access).canManageTraining(), null, 'Only administrators run events.');
    await assertValidInput(input);
    if (input.registrationOpensAt && input.registrationClosesAt && input.registrationClosesAt <= input.registrationOpensAt) {
      throw DomainError.of('registrationClosesAt', UserErrorCode.INVALID, 'Registration must close after it opens.');
    }
    return unitOfWork(this.ctx, 'eventCreate', async (em) => {
      const offeringId = this.offerings.createOffering(em, OfferingKind.EVENT, {
        status: input.status,
        capacity: input.capacity,
        registrationOpensAt: input.registrationOpensAt,
        registrationClosesAt: input.registrationClosesAt,
        audienceRoles: input.audienceRoles,
      });
      return em.create(Event, { offeringId, kind: input.kind, name: input.name, description: input.description || null });
    });
  }

  async update(input: EventUpdateInput): Promise<Event> {
    this.ctx.access.require(OfferingPolicy.of(this.ctx.access).canManageTraining(), null, 'Only administrators run events.');
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Event', 'id');
    return unitOfWork(this.ctx, 'eventUpdate', async (em) => {
      const event = await em.getRepository(Event).findById(id);
      if (!event) throw eventNotFound('id');
      if (input.name) event.name = input.name;
      if (input.description !== undefined) event.description = input.description || null;
      await this.offerings.changeOffering(em, event.offeringId, { capacity: input.capacity, status: input.status });
      return event;
    });
  }

  async register(input: EventRegisterInput) {
    await assertValidInput(input);
    const eventId = requireEntityId(input.eventId, 'Event', 'eventId');
    const personId = personOrSelf(input.personId, this.ctx.access);
    const direct = await this.offerings.registerDirectly('eventRegister', { type: 'Event', id: eventId }, personId);
    if (direct) return direct;
    return unitOfWork(this.ctx, 'eventRegister', async (em) => {
      const event = await em.getRepository(Event).findById(eventId);
      if (!event) throw eventNotFound('eventId');
      return this.offerings.register(em, event.offeringId, personId, 'eventId');
    });
  }
}
