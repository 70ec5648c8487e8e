import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import { argumentEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { containsText } from '../../platform/pagination/text-search.js';
import { CatalogueStatus, type LearningTrackOrderField } from './catalogue.enums.js';
import type { LearningTrackFilterInput } from './catalogue.inputs.js';
import type { CatalogueScope } from './catalogue.policy.js';
import type { LearningModule } from './learning-module.entity.js';
import { LearningTrack } from './learning-track.entity.js';

const NOTHING = { id: { $in: [] as string[] } };

/** The tracks a scope covers. */
function visibleTracks(scope: CatalogueScope): FilterQuery<LearningTrack> {
  if (scope.everything) return {};
  if (!scope.published) return NOTHING;
  return {
    $or: [
      {
        status: CatalogueStatus.PUBLISHED,
        $or: [{ organisation: null }, { sharedWithMembers: true }, { organisation: { $in: scope.memberOrganisationIds } }],
      },
      { organisation: { $in: scope.managedOrganisationIds } },
    ],
  };
}

export class LearningTrackRepository extends EntityRepository<LearningTrack> {
  findPage(filter: LearningTrackFilterInput | undefined, page: PageRequest<LearningTrackOrderField>, scope: CatalogueScope) {
    return findPage(this.em, LearningTrack, { $and: [this.where(filter), visibleTracks(scope)] }, page) as Promise<
      Connection<LearningTrack>
    >;
  }

  findByIds(ids: readonly string[], scope: CatalogueScope): Promise<LearningTrack[]> {
    return this.find({ $and: [{ id: { $in: [...ids] } }, visibleTracks(scope)] });
  }

  findVisible(id: string, scope: CatalogueScope): Promise<LearningTrack | null> {
    return this.findOne({ $and: [{ id }, visibleTracks(scope)] });
  }

  /** Every track a scope covers, by title (an export: about 60 tracks, a few hundred at most). */
  findAllVisible(scope: CatalogueScope): Promise<LearningTrack[]> {
    return this.find(visibleTracks(scope), { populate: ['organisation'], orderBy: { title: 'asc', id: 'asc' } });
  }

  findByExternalKeys(keys: readonly string[]): Promise<LearningTrack[]> {
    return keys.length === 0 ? Promise.resolve([]) : this.find({ externalKey: { $in: [...keys] } });
  }

  private where(filter: LearningTrackFilterInput | undefined): FilterQuery<LearningTrack> {
    const where: FilterQuery<LearningTrack>[] = [];
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.organisationId)
      where.push({ organisation: argumentEntityId(filter.organisationId, 'Organisation', 'filter.organisationId') });
    if (filter?.coCreated === true) where.push({ organisation: { $ne: null } });
    if (filter?.coCreated === false) where.push({ organisation: null });
    if (filter?.search) where.push(containsText(`title || ' ' || external_key`, filter.search));
    return { $and: where };
  }
}

export class LearningModuleRepository extends EntityRepository<LearningModule> {
  /** The modules a scope covers: of tracks it covers, published unless the caller manages the track. */
  private visible(scope: CatalogueScope): FilterQuery<LearningModule> {
    if (scope.everything) return {};
    if (!scope.published) return NOTHING;
    return {
      $and: [
        { track: visibleTracks(scope) as FilterQuery<LearningTrack> },
        { $or: [{ status: CatalogueStatus.PUBLISHED }, { track: { organisation: { $in: scope.managedOrganisationIds } } }] },
      ],
    } as FilterQuery<LearningModule>;
  }

  findByIds(ids: readonly string[], scope: CatalogueScope): Promise<LearningModule[]> {
    return this.find({ $and: [{ id: { $in: [...ids] } }, this.visible(scope)] } as FilterQuery<LearningModule>);
  }

  /** The modules of these tracks a scope covers, by title. */
  findByTracks(trackIds: readonly string[], scope: CatalogueScope): Promise<LearningModule[]> {
    return this.find({ $and: [{ track: { $in: [...trackIds] } }, this.visible(scope)] } as FilterQuery<LearningModule>, {
      orderBy: { title: 'asc', id: 'asc' },
    });
  }

  findByExternalKeys(keys: readonly string[]): Promise<LearningModule[]> {
    return keys.length === 0 ? Promise.resolve([]) : this.find({ externalKey: { $in: [...keys] } }, { populate: ['track'] });
  }
}
