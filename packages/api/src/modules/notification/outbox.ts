import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Language, Person } from '../person/person.entity.js';
import { Notification, NotificationKind, type NotificationAttachment } from './notification.entity.js';
import { renderNotification, type NotificationData } from './notification.templates.js';

export { NotificationKind, type NotificationAttachment, type NotificationData };

/**
 * Puts one e-mail for a person in the outbox, through the caller's EntityManager, so that it commits or
 * rolls back with the caller's transaction. The text is rendered now, in the person's language. A
 * person without a usable address (e.g. erased) gets nothing.
 *
 * Without `dedupeKey` the message is persisted and written at the caller's flush (`em.transactional`
 * flushes at commit). With one it is inserted at once, and only if no message has that key yet: a
 * scheduled job running in several processes sends a reminder once.
 */
export async function enqueueNotification(em: EntityManager, message: OutboxMessage): Promise<void> {
  await tryEnqueueNotification(em, message);
}

export interface OutboxMessage {
  kind: NotificationKind;
  personId: string;
  data: NotificationData;
  /** Files sent with the message, e.g. the sessions as an iCalendar file. */
  attachments?: NotificationAttachment[];
  dedupeKey?: string;
}

/** A message rendered for its recipient, as the outbox row it becomes (without id and times). */
export interface OutboxRow {
  kind: NotificationKind;
  personId: string;
  toAddress: string;
  language: Language;
  subject: string;
  body: string;
  htmlBody: string | null;
  attachments: NotificationAttachment[] | null;
}

/** What rendering a message reads of its recipient. */
export type RecipientFacts = Pick<Person, 'id' | 'email' | 'language' | 'erasedAt'>;

/** Renders a message for its person (their address and language); null when they have no usable address (e.g. erased). */
export async function outboxRow(em: EntityManager, message: OutboxMessage): Promise<OutboxRow | null> {
  const person = await em.getRepository(Person).findById(message.personId);
  return person ? renderOutboxRow(person, message) : null;
}

/** As `outboxRow`, for a recipient already read (plain values): null when they have no usable address. */
export function renderOutboxRow(person: RecipientFacts, message: OutboxMessage): OutboxRow | null {
  if (person.erasedAt || !person.email) return null;
  const { subject, body, html } = renderNotification(message.kind, message.data, person.language);
  return {
    kind: message.kind,
    personId: person.id,
    toAddress: person.email,
    language: person.language,
    subject,
    body,
    htmlBody: html ?? null,
    attachments: message.attachments?.length ? message.attachments : null,
  };
}

/** As `enqueueNotification`, answering whether a message went in (false: no usable address, or the dedupe key was taken). */
export async function tryEnqueueNotification(em: EntityManager, message: OutboxMessage): Promise<boolean> {
  const rendered = await outboxRow(em, message);
  if (!rendered) return false;
  const { personId, ...fields } = rendered;
  const now = new Date();
  const row = { ...fields, nextAttemptAt: now, createdAt: now };
  if (message.dedupeKey === undefined) {
    em.create(Notification, { ...row, person: personId });
    return true;
  }
  return em.getRepository(Notification).insertOnce({ ...row, id: randomUUID(), person: personId, dedupeKey: message.dedupeKey });
}

/**
 * Puts one e-mail in the outbox with a single statement that runs the same whether or not there is a
 * recipient: for the person the subquery `recipient` selects (one `person_id`, or no row). For callers that
 * must not reveal whether someone exists by doing more work for them (password resets). The text is rendered
 * in both languages first; the statement picks the recipient's. Whether a message went in.
 */
export async function enqueueNotificationForRecipient(
  em: EntityManager,
  message: { kind: NotificationKind; data: NotificationData; recipient: { sql: string; params: unknown[] } },
): Promise<boolean> {
  const texts = {
    [Language.SV]: renderNotification(message.kind, message.data, Language.SV),
    [Language.EN]: renderNotification(message.kind, message.data, Language.EN),
  };
  return (await em.getRepository(Notification).insertForRecipient(message.kind, texts, message.recipient)) > 0;
}
