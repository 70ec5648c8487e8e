import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { AccountInvitationRepository } from './auth.repository.js';

/**
 * An invitation to sign in: a single-use, expiring link with which a person who has no account yet
 * chooses a password. Only the SHA-256 of the link's token is kept. A newer invitation replaces the older ones.
 */
@Entity({ tableName: 'account_invitation', repository: () => AccountInvitationRepository })
export class AccountInvitation {
  [EntityRepositoryType]?: AccountInvitationRepository;
  [OptionalProps]?: 'createdAt' | 'usedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** When the link was used, or stopped working because a newer one replaced it. */
  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
