import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';

/** A training programme, e.g. "Ledarutbildning i arbetsplatslärande". */
@Entity({ tableName: 'programme' })
export class Programme {
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
