import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { ApiClientRepository } from './api-client.repository.js';

import { ApiScope } from '../../platform/access/vocabulary.js';

export { ApiScope };

/** An external system (HR system, learning platform, statistics) with its own key. */
@Entity({ tableName: 'api_client', repository: () => ApiClientRepository })
export class ApiClient {
  [EntityRepositoryType]?: ApiClientRepository;
  [OptionalProps]?:
    'organisation' | 'rateLimitPerMinute' | 'createdByPersonId' | 'createdAt' | 'updatedAt' | 'expiresAt' | 'revokedAt' | 'lastUsedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  /** The organisation whose data the client sees; null for a county-wide client. */
  @ManyToOne(() => Organisation, { ref: true, nullable: true })
  organisation: Ref<Organisation> | null = null;

  @Property({ type: 'text[]' })
  scopes!: ApiScope[];

  @Property({ type: 'text', hidden: true })
  keyHash!: string;

  @Property({ type: 'text' })
  keyPrefix!: string;

  @Property({ type: 'integer' })
  rateLimitPerMinute: number = 600;

  @Property({ type: 'uuid', nullable: true })
  createdByPersonId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  isActiveAt(now: Date): boolean {
    return this.revokedAt === null && (this.expiresAt === null || this.expiresAt > now);
  }
}
