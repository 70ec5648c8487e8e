import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Language, Person } from '../person/person.entity.js';
import { NotificationRepository } from './notification.repository.js';

export enum NotificationKind {
  REGISTRATION_CONFIRMED = 'REGISTRATION_CONFIRMED',
  REGISTRATION_WAITLISTED = 'REGISTRATION_WAITLISTED',
  REGISTRATION_PROMOTED = 'REGISTRATION_PROMOTED',
  REGISTRATION_CANCELLED = 'REGISTRATION_CANCELLED',
  OFFER_MADE = 'OFFER_MADE',
  OFFER_LAPSED = 'OFFER_LAPSED',
  APPROVAL_REQUESTED = 'APPROVAL_REQUESTED',
  REGISTRATION_REJECTED = 'REGISTRATION_REJECTED',
  /** The cohort, meeting or event will not take place: the person's registration ended. */
  OFFERING_CANCELLED = 'OFFERING_CANCELLED',
  /** A session the person has a place in was moved (its time or venue changed). */
  SESSION_CHANGED = 'SESSION_CHANGED',
  /** A session the person has a place in was removed. */
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  /** Tells the person their registration was received and awaits approval. */
  REGISTRATION_AWAITING_APPROVAL = 'REGISTRATION_AWAITING_APPROVAL',
  SESSION_REMINDER = 'SESSION_REMINDER',
  MEETING_REMINDER = 'MEETING_REMINDER',
  PASSWORD_RESET = 'PASSWORD_RESET',
  ACCOUNT_INVITATION = 'ACCOUNT_INVITATION',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  /** Last month's learning hours wait for the participant to confirm them. */
  LEARNING_HOURS_CONFIRM_REMINDER = 'LEARNING_HOURS_CONFIRM_REMINDER',
  /** Last month's confirmed learning hours of a workplace wait for its manager to attest them. */
  LEARNING_HOURS_ATTEST_REMINDER = 'LEARNING_HOURS_ATTEST_REMINDER',
}

/** A file sent with a message: a small text, such as an iCalendar file. */
export interface NotificationAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Gave up after the last attempt, or the server refused the message for good. */
  FAILED = 'FAILED',
}

/**
 * One e-mail in the transactional outbox: written in the same transaction as the change it tells
 * about, rendered then (in the recipient's language), and delivered later by the NotificationWorker.
 * The address and texts are personal data: the rows go when the person is erased.
 */
@Entity({ tableName: 'notification', repository: () => NotificationRepository })
export class Notification {
  [EntityRepositoryType]?: NotificationRepository;
  [OptionalProps]?:
    'htmlBody' | 'attachments' | 'dedupeKey' | 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => NotificationKind, type: 'text' })
  kind!: NotificationKind;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'text' })
  toAddress!: string;

  @Enum({ items: () => Language, type: 'text' })
  language!: Language;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  /** The same message as HTML (null: plain text only). */
  @Property({ type: 'text', nullable: true })
  htmlBody: string | null = null;

  /** Files sent with it, e.g. a confirmation's sessions as an iCalendar file. */
  @Property({ type: 'json', nullable: true })
  attachments: NotificationAttachment[] | null = null;

  /** Unique: the same reminder is enqueued once, however many processes schedule it. */
  @Property({ type: 'text', nullable: true })
  dedupeKey: string | null = null;

  @Enum({ items: () => NotificationStatus, type: 'text' })
  status: NotificationStatus = NotificationStatus.PENDING;

  /** Failed delivery attempts so far. */
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'datetime' })
  nextAttemptAt: Date = new Date();

  /** Why the last attempt failed: a short message, never a stack. */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
