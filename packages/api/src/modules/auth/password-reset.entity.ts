import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { PasswordResetRepository } from './auth.repository.js';

/** A single-use, expiring token that lets a person set a new password. */
@Entity({ tableName: 'password_reset', repository: () => PasswordResetRepository })
export class PasswordReset {
  [EntityRepositoryType]?: PasswordResetRepository;
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
