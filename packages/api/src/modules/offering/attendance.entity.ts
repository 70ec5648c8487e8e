import { Entity, Enum, ManyToOne, OptionalProps, Property, type Ref } from '@mikro-orm/postgresql';
import { AttendanceStatus } from './offering.enums.js';
import { OfferingSession } from './offering-session.entity.js';
import { Registration } from './registration.entity.js';

/** Whether a registered person attended one session. */
@Entity({ tableName: 'attendance' })
export class Attendance {
  [OptionalProps]?: 'recordedByPersonId' | 'recordedAt';

  @ManyToOne(() => OfferingSession, { primary: true, ref: true, deleteRule: 'cascade' })
  session!: Ref<OfferingSession>;

  @ManyToOne(() => Registration, { primary: true, ref: true })
  registration!: Ref<Registration>;

  @Enum({ items: () => AttendanceStatus, type: 'text' })
  status!: AttendanceStatus;

  @Property({ type: 'uuid', nullable: true })
  recordedByPersonId: string | null = null;

  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}
