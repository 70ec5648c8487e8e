import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Offering } from './offering.entity.js';

/**
 * What a removed session was: calendar feeds keep it as a cancelled event with a higher SEQUENCE, so
 * calendar apps that hold it take it away.
 */
@Entity({ tableName: 'offering_session_removal' })
export class OfferingSessionRemoval {
  [OptionalProps]?: 'removedAt';

  /** The removed session's id (its calendar UID). */
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Offering, { ref: true })
  offering!: Ref<Offering>;

  @Property({ type: 'text', nullable: true })
  title!: string | null;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'text', nullable: true })
  venue!: string | null;

  @Property({ type: 'text', nullable: true })
  onlineUrl!: string | null;

  @Property({ type: 'boolean' })
  residential!: boolean;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'datetime' })
  removedAt: Date = new Date();
}
