import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';

/** A person's password sign-in. Only an argon2id hash of the password is kept. */
@Entity({ tableName: 'account' })
export class Account {
  [OptionalProps]?: 'passwordChangedAt' | 'createdAt' | 'demo';

  @ManyToOne(() => Person, { primary: true, ref: true })
  person!: Ref<Person>;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'datetime' })
  passwordChangedAt: Date = new Date();

  /** Seeded with a published demo password: never signs in in production. */
  @Property({ type: 'boolean' })
  demo: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** A signed-in browser. The cookie carries the token; only its SHA-256 is stored. */
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'createdAt' | 'lastSeenAt' | 'revokedAt';

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
}

/** A single-use, expiring token that lets a person set a new password. */
@Entity({ tableName: 'password_reset' })
export class PasswordReset {
  [OptionalProps]?: 'createdAt' | 'usedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
