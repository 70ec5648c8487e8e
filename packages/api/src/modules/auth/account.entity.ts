import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { AccountRepository } from './auth.repository.js';

/** A person's password sign-in. Only an argon2id hash of the password is kept. */
@Entity({ tableName: 'account', repository: () => AccountRepository })
export class Account {
  [EntityRepositoryType]?: AccountRepository;
  [OptionalProps]?: 'passwordChangedAt' | 'createdAt' | 'demo' | 'deactivatedAt';

  @ManyToOne(() => Person, { primary: true, ref: true })
  person!: Ref<Person>;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'datetime' })
  passwordChangedAt: Date = new Date();

  /** Seeded with a published demo password: never signs in in production. */
  @Property({ type: 'boolean' })
  demo: boolean = false;

  /** When the account was activated (the person chose their password, or it was seeded). */
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Set while the account is deactivated: it cannot sign in, and its sessions ended when this was set. */
  @Property({ type: 'datetime', nullable: true })
  deactivatedAt: Date | null = null;
}
