import type { ServiceContext } from '../../platform/context.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { personOrSelf, RegistrationEngine } from '../registration/registration-engine.js';
import { Offering, OfferingKind, Registration } from '../registration/registration.entities.js';
import { Event } from './event.entity.js';
import type { EventCreateInput, EventRegisterInput, EventUpdateInput } from './event.inputs.js';

const eventNotFound = (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No event has this id.');

export class EventService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Events are public to everyone signed in (API clients: with a training scope). */
  list(page: PageRequest<'createdAt'>): Promise<Connection<Event>> {
    return findPage(this.ctx.em, Event, this.ctx.access.canReadTraining() ? {} : { id: { $in: [] } }, page);
  }

  async find(id: string): Promise<Event | null> {
    return this.ctx.access.canReadTraining() ? this.ctx.em.findOne(Event, { id }) : null;
  }

  async create(input: EventCreateInput): Promise<Event> {
    this.ctx.access.require(this.ctx.access.canManageTraining(), null, 'Only administrators run events.');
    await assertValidInput(input);
    if (input.registrationOpensAt && input.registrationClosesAt && input.registrationClosesAt <= input.registrationOpensAt) {
      throw DomainError.of('registrationClosesAt', UserErrorCode.INVALID, 'Registration must close after it opens.');
    }
    return unitOfWork(this.ctx, 'eventCreate', async (em) => {
      const offering = em.create(Offering, {
        kind: OfferingKind.EVENT,
        status: input.status,
        capacity: input.capacity ?? null,
        registrationOpensAt: input.registrationOpensAt ?? null,
        registrationClosesAt: input.registrationClosesAt ?? null,
        audienceRoles: input.audienceRoles ?? [],
      });
      return em.create(Event, { offering, kind: input.kind, name: input.name, description: input.description || null });
    });
  }

  async update(input: EventUpdateInput): Promise<Event> {
    this.ctx.access.require(this.ctx.access.canManageTraining(), null, 'Only administrators run events.');
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Event', 'id');
    return unitOfWork(this.ctx, 'eventUpdate', async (em) => {
      const event = await em.findOne(Event, { id });
      if (!event) throw eventNotFound('id');
      const offering = (await em.getRepository(Registration).lockOffering(event.offering.id))!;
      const engine = new RegistrationEngine(em, this.ctx.access, this.ctx.today);
      if (input.capacity !== undefined && input.capacity !== null) await engine.resize(offering, input.capacity);
      if (input.status) offering.status = input.status;
      if (input.name) event.name = input.name;
      if (input.description !== undefined) event.description = input.description || null;
      await engine.promote(offering);
      return event;
    });
  }

  async register(input: EventRegisterInput): Promise<Registration> {
    await assertValidInput(input);
    const eventId = requireEntityId(input.eventId, 'Event', 'eventId');
    const personId = personOrSelf(input.personId, this.ctx.access);
    return unitOfWork(this.ctx, 'eventRegister', async (em) => {
      const event = await em.findOne(Event, { id: eventId });
      if (!event) throw eventNotFound('eventId');
      return new RegistrationEngine(em, this.ctx.access, this.ctx.today).register(event.offering.id, personId, 'eventId');
    });
  }
}
