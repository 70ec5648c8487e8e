import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Offering } from './offering.entity.js';

/** One occasion of an offering: a training day, a residential stay, a meeting. */
@Entity({ tableName: 'offering_session' })
export class OfferingSession {
  [OptionalProps]?: 'title' | 'venue' | 'onlineUrl' | 'residential' | 'sequence' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Offering, { ref: true })
  offering!: Ref<Offering>;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'text', nullable: true })
  venue: string | null = null;

  @Property({ type: 'text', nullable: true })
  onlineUrl: string | null = null;

  /** A residential stay (chefsinternat). */
  @Property({ type: 'boolean' })
  residential: boolean = false;

  /** Raised each time the session moves (time or venue), so calendar apps update their copy (iCalendar SEQUENCE). */
  @Property({ type: 'integer' })
  sequence: number = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
