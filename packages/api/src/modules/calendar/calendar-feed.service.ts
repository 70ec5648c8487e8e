import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { newToken, tokenHash } from '../auth/secrets.js';
import { Cohort } from '../cohort/cohort.entity.js';
import { Network } from '../network/network.entity.js';
import { Person } from '../person/person.entity.js';
import { PersonErrors } from '../person/person.errors.js';
import { CalendarFeed, CalendarFeedKind } from './calendar-feed.entity.js';
import type { CalendarFeedCreateInput, CalendarFeedRevokeInput } from './calendar.inputs.js';
import { offeringCalendar } from './offering-calendar.js';
import { CalendarPolicy } from './calendar.policy.js';
import { PersonPolicy } from '../person/person.policy.js';

/** Tokens are 32 random bytes, base64url: anything else is not worth a database lookup. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const feedNotFound = () => DomainError.of('id', UserErrorCode.NOT_FOUND, 'No calendar feed has this id.');

/** The path of a feed's URL (the token is its only credential). */
export function calendarFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/**
 * Calendar feeds: a person creates and revokes their own, administrators anyone's; anyone signed in
 * may take a cohort's or a network's feed (those are public to them). The token is answered once, never stored.
 */
export class CalendarFeedService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CalendarFeedCreateInput): Promise<{ feed: CalendarFeed; token: string }> {
    const self = this.ctx.access.personId;
    // Feeds belong to people (who revoke them, and with whom they are erased); API clients have none.
    this.ctx.access.require(self !== null, null, 'Calendar feeds are for people who sign in.');
    await assertValidInput(input);
    if ([input.personId, input.cohortId, input.networkId].filter(Boolean).length > 1)
      throw DomainError.of(null, UserErrorCode.INVALID, 'Give one of a person, a cohort or a network.');
    const cohortId = input.cohortId ? requireEntityId(input.cohortId, 'Cohort', 'cohortId') : null;
    const networkId = input.networkId ? requireEntityId(input.networkId, 'Network', 'networkId') : null;
    const personId = input.personId ? requireEntityId(input.personId, 'Person', 'personId') : self!;
    const token = newToken();
    const feed = await unitOfWork(this.ctx, 'calendarFeedCreate', async (em) => {
      if (cohortId) {
        const cohort = await em.getRepository(Cohort).findById(cohortId);
        if (!cohort) throw DomainError.of('cohortId', UserErrorCode.NOT_FOUND, 'No cohort has this id.');
        return em.create(CalendarFeed, {
          kind: CalendarFeedKind.COHORT,
          person: em.getReference(Person, self!),
          cohort,
          tokenHash: tokenHash(token),
          createdByPersonId: self,
        });
      }
      if (networkId) {
        const network = await em.getRepository(Network).findById(networkId);
        if (!network) throw DomainError.of('networkId', UserErrorCode.NOT_FOUND, 'No network has this id.');
        return em.create(CalendarFeed, {
          kind: CalendarFeedKind.NETWORK,
          person: em.getReference(Person, self!),
          network,
          tokenHash: tokenHash(token),
          createdByPersonId: self,
        });
      }
      const person = await em.getRepository(Person).findVisible(personId, PersonPolicy.of(this.ctx.access).readScope());
      if (!person) throw PersonErrors.notFound('personId');
      this.ctx.access.require(
        CalendarPolicy.of(this.ctx.access).canManageCalendarFeedsOf(person.id),
        'personId',
        'You may create calendar feeds only for yourself.',
      );
      if (person.erasedAt) throw DomainError.of('personId', UserErrorCode.CONFLICT, "The person's data is erased.");
      return em.create(CalendarFeed, { kind: CalendarFeedKind.PERSON, person, tokenHash: tokenHash(token), createdByPersonId: self });
    });
    return { feed, token };
  }

  async revoke(input: CalendarFeedRevokeInput): Promise<CalendarFeed> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'CalendarFeed', 'id');
    return unitOfWork(this.ctx, 'calendarFeedRevoke', async (em) => {
      const feed = await em.getRepository(CalendarFeed).findOne({ id });
      // Others' feeds are invisible, so they are not found rather than forbidden.
      if (!feed || !CalendarPolicy.of(this.ctx.access).canManageCalendarFeedsOf(feed.person.id)) throw feedNotFound();
      if (feed.revokedAt) throw DomainError.of('id', UserErrorCode.CONFLICT, 'The calendar feed is already revoked.');
      feed.revokedAt = new Date();
      return feed;
    });
  }

  /** A feed by id, when the caller may see it. */
  async find(id: string): Promise<CalendarFeed | null> {
    const feed = await this.ctx.em.getRepository(CalendarFeed).findOne({ id });
    return feed && CalendarPolicy.of(this.ctx.access).canManageCalendarFeedsOf(feed.person.id) ? feed : null;
  }
}

/**
 * The iCalendar document behind a feed URL's token; null when the token is malformed, unknown or
 * revoked (the route answers all of these alike). There is no caller: the token is the credential.
 */
export async function renderCalendarFeed(em: EntityManager, token: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const feeds = em.getRepository(CalendarFeed);
  const feed = await feeds.findActiveByTokenHash(tokenHash(token));
  if (!feed) return null;
  if (feed.kind === CalendarFeedKind.PERSON) {
    return offeringCalendar({ name: 'Evikomp – mina tillfällen', sessions: await feeds.personSessions(feed.person.id) });
  }
  if (feed.kind === CalendarFeedKind.NETWORK) {
    const network = await em.getRepository(Network).getById(feed.network!.id);
    return offeringCalendar({ name: `Evikomp – ${network.name}`, sessions: await feeds.networkSessions(network.id) });
  }
  const cohort = await em.getRepository(Cohort).getWithProgramme(feed.cohort!.id);
  return offeringCalendar({
    name: `Evikomp – ${cohort.programme.getEntity().name} – ${cohort.name}`,
    sessions: await feeds.cohortSessions(cohort.id),
  });
}
