import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import type { AgreementService } from './agreement.enums.js';
import { AgreementRepository } from './agreement.repository.js';

/** A member's cooperation agreement (samverkansavtal): a first period, then rolling with a notice period. */
@Entity({ tableName: 'agreement', repository: () => AgreementRepository })
export class Agreement {
  [EntityRepositoryType]?: AgreementRepository;
  [OptionalProps]?: 'noticePeriodMonths' | 'noticeGivenOn' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  signedOn!: string;

  /** YYYY-MM-DD: the first day in force. */
  @Property({ type: 'date' })
  startsOn!: string;

  /** YYYY-MM-DD: the last day of the first period; notice cannot end it earlier. */
  @Property({ type: 'date' })
  firstPeriodEndsOn!: string;

  @Property({ type: 'integer' })
  noticePeriodMonths: number = 12;

  @Property({ type: 'text[]' })
  services!: AgreementService[];

  /** YYYY-MM-DD: when notice was given; null while it rolls on. */
  @Property({ type: 'date', nullable: true })
  noticeGivenOn: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
