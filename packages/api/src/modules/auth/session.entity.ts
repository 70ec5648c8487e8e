import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { SessionRepository } from './auth.repository.js';

/** A signed-in browser. The cookie carries the token; only its SHA-256 is stored. */
@Entity({ tableName: 'session', repository: () => SessionRepository })
export class Session {
  [EntityRepositoryType]?: SessionRepository;
  [OptionalProps]?: 'createdAt' | 'lastSeenAt' | 'revokedAt' | 'secondFactor';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** Whether the sign-in that opened the session passed a second factor (attestation evidence says how the signer signed in). */
  @Property({ type: 'boolean' })
  secondFactor: boolean = false;
}
