import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { CatalogueStatus } from './catalogue.enums.js';
import { LearningModuleRepository } from './catalogue.repository.js';
import { LearningTrack } from './learning-track.entity.js';

/** A learning module (lärandemodul) of a track. */
@Entity({ tableName: 'learning_module', repository: () => LearningModuleRepository })
export class LearningModule {
  [EntityRepositoryType]?: LearningModuleRepository;
  [OptionalProps]?: 'description' | 'targetGroup' | 'estimatedMinutes' | 'languages' | 'status' | 'owner' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => LearningTrack, { ref: true })
  track!: Ref<LearningTrack>;

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

  @Property({ type: 'text[]' })
  languages: string[] = [];

  @Enum({ items: () => CatalogueStatus, type: 'text' })
  status: CatalogueStatus = CatalogueStatus.DRAFT;

  @Property({ type: 'text' })
  owner: string = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
