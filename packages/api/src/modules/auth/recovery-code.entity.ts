import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { RecoveryCodeRepository } from './second-factor.repository.js';

/** A single-use code that stands in for the authenticator app. Only a SHA-256 of the code is kept. */
@Entity({ tableName: 'recovery_code', repository: () => RecoveryCodeRepository })
export class RecoveryCode {
  [EntityRepositoryType]?: RecoveryCodeRepository;
  [OptionalProps]?: 'usedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @Property({ type: 'text', hidden: true })
  codeHash!: string;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
