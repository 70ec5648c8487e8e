import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Offering } from '../registration/registration.entities.js';

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

/** A round (omgång) of a programme that people register for, through its offering. */
@Entity({ tableName: 'cohort' })
export class Cohort {
  [OptionalProps]?: 'description' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { ref: true })
  programme!: Ref<Programme>;

  @OneToOne(() => Offering, { ref: true, owner: true })
  offering!: Ref<Offering>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
