import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { ProgrammeRepository } from './programme.repository.js';

/** A training programme, e.g. "Ledarutbildning i arbetsplatslärande". */
@Entity({ tableName: 'programme', repository: () => ProgrammeRepository })
export class Programme {
  [EntityRepositoryType]?: ProgrammeRepository;
  [OptionalProps]?: 'description' | 'completionThresholdPercent' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** Share of sessions attended that completes the programme. */
  @Property({ type: 'integer' })
  completionThresholdPercent: number = 80;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
