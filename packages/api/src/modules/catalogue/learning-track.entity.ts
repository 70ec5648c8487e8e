import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { CatalogueStatus } from './catalogue.enums.js';
import { LearningTrackRepository } from './catalogue.repository.js';

/** A learning track (lärandespår) of the learning platform; co-created ones belong to a member organisation. */
@Entity({ tableName: 'learning_track', repository: () => LearningTrackRepository })
export class LearningTrack {
  [EntityRepositoryType]?: LearningTrackRepository;
  [OptionalProps]?:
    | 'description'
    | 'targetGroup'
    | 'estimatedMinutes'
    | 'languages'
    | 'status'
    | 'owner'
    | 'organisation'
    | 'sharedWithMembers'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stable key from the learning platform, which imports match on; never changes. */
  @Property({ type: 'text' })
  externalKey!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description: string = '';

  @Property({ type: 'text' })
  targetGroup: string = '';

  @Property({ type: 'integer', nullable: true })
  estimatedMinutes: number | null = null;

  /** Language codes (ISO 639-1), e.g. sv, en, ar. */
  @Property({ type: 'text[]' })
  languages: string[] = [];

  @Enum({ items: () => CatalogueStatus, type: 'text' })
  status: CatalogueStatus = CatalogueStatus.DRAFT;

  /** Who is responsible for the content (e.g. Vård- och omsorgscollege, a municipality's FoU unit). */
  @Property({ type: 'text' })
  owner: string = '';

  /** The member organisation that made the track through co-creation (medskapande); null for the common catalogue. */
  @ManyToOne(() => Organisation, { ref: true, nullable: true })
  organisation: Ref<Organisation> | null = null;

  /** A co-created track that its organisation shares with all members. */
  @Property({ type: 'boolean' })
  sharedWithMembers: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
