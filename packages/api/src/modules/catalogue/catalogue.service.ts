import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { catalogueScope } from './catalogue-scope.js';
import { CatalogueStatus, type LearningTrackOrderField } from './catalogue.enums.js';
import { CatalogueErrors } from './catalogue.errors.js';
import type {
  CatalogueContent,
  LearningModuleCreateInput,
  LearningModuleRetireInput,
  LearningModuleUpdateInput,
  LearningTrackCreateInput,
  LearningTrackFilterInput,
  LearningTrackRetireInput,
  LearningTrackUpdateInput,
} from './catalogue.inputs.js';
import { CataloguePolicy, type CatalogueScope } from './catalogue.policy.js';
import { LearningModule } from './learning-module.entity.js';
import { LearningTrack } from './learning-track.entity.js';

export class CatalogueService {
  constructor(private readonly ctx: ServiceContext) {}

  private get policy(): CataloguePolicy {
    return CataloguePolicy.of(this.ctx.access);
  }

  scope(): Promise<CatalogueScope> {
    return catalogueScope(this.ctx.em, this.ctx.access);
  }

  async list(filter: LearningTrackFilterInput | undefined, page: PageRequest<LearningTrackOrderField>): Promise<Connection<LearningTrack>> {
    return this.ctx.em.getRepository(LearningTrack).findPage(filter, page, await this.scope());
  }

  async createTrack(input: LearningTrackCreateInput): Promise<LearningTrack> {
    await assertValidInput(input);
    const organisationId = input.organisationId ? requireEntityId(input.organisationId, 'Organisation', 'organisationId') : null;
    this.ctx.access.require(
      this.policy.canManageTracksOf(organisationId),
      organisationId ? 'organisationId' : null,
      'Administrators manage the common catalogue; organisation admins their organisation’s co-created tracks.',
    );
    if (!organisationId && input.sharedWithMembers) throw CatalogueErrors.notCoCreated();
    return unitOfWork(this.ctx, 'learningTrackCreate', async (em) => {
      const organisation = organisationId ? await em.getRepository(Organisation).findOne({ id: organisationId }) : null;
      if (organisationId && !organisation) throw CatalogueErrors.organisationNotFound('organisationId');
      if ((await em.getRepository(LearningTrack).findByExternalKeys([input.externalKey])).length > 0)
        throw CatalogueErrors.keyTaken('externalKey', 'track');
      const track = em.create(LearningTrack, {
        externalKey: input.externalKey,
        title: input.title!,
        organisation,
        sharedWithMembers: input.sharedWithMembers ?? false,
      });
      applyContent(track, input);
      return track;
    });
  }

  async updateTrack(input: LearningTrackUpdateInput): Promise<LearningTrack> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'LearningTrack', 'id');
    const scope = await this.scope();
    return unitOfWork(this.ctx, 'learningTrackUpdate', async (em) => {
      const track = await this.manageableTrack(em, id, scope, 'id');
      if (input.sharedWithMembers !== undefined && input.sharedWithMembers !== null) {
        if (!track.organisation && input.sharedWithMembers) throw CatalogueErrors.notCoCreated();
        track.sharedWithMembers = input.sharedWithMembers;
      }
      applyContent(track, input);
      return track;
    });
  }

  async retireTrack(input: LearningTrackRetireInput): Promise<LearningTrack> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'LearningTrack', 'id');
    const scope = await this.scope();
    return unitOfWork(this.ctx, 'learningTrackRetire', async (em) => {
      const track = await this.manageableTrack(em, id, scope, 'id');
      if (track.status === CatalogueStatus.RETIRED) throw CatalogueErrors.alreadyRetired('track');
      track.status = CatalogueStatus.RETIRED;
      return track;
    });
  }

  async createModule(input: LearningModuleCreateInput): Promise<LearningModule> {
    await assertValidInput(input);
    const trackId = requireEntityId(input.trackId, 'LearningTrack', 'trackId');
    const scope = await this.scope();
    return unitOfWork(this.ctx, 'learningModuleCreate', async (em) => {
      const track = await this.manageableTrack(em, trackId, scope, 'trackId');
      if ((await em.getRepository(LearningModule).findByExternalKeys([input.externalKey])).length > 0)
        throw CatalogueErrors.keyTaken('externalKey', 'module');
      const module = em.create(LearningModule, { track, externalKey: input.externalKey, title: input.title! });
      applyContent(module, input);
      return module;
    });
  }

  async updateModule(input: LearningModuleUpdateInput): Promise<LearningModule> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'LearningModule', 'id');
    const scope = await this.scope();
    return unitOfWork(this.ctx, 'learningModuleUpdate', async (em) => {
      const module = await this.manageableModule(em, id, scope);
      applyContent(module, input);
      return module;
    });
  }

  async retireModule(input: LearningModuleRetireInput): Promise<LearningModule> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'LearningModule', 'id');
    const scope = await this.scope();
    return unitOfWork(this.ctx, 'learningModuleRetire', async (em) => {
      const module = await this.manageableModule(em, id, scope);
      if (module.status === CatalogueStatus.RETIRED) throw CatalogueErrors.alreadyRetired('module');
      module.status = CatalogueStatus.RETIRED;
      return module;
    });
  }

  /** A track the caller sees (NOT_FOUND otherwise) and manages (FORBIDDEN otherwise). */
  private async manageableTrack(em: EntityManager, id: string, scope: CatalogueScope, field: string): Promise<LearningTrack> {
    const track = await em.getRepository(LearningTrack).findVisible(id, scope);
    if (!track) throw CatalogueErrors.trackNotFound(field);
    this.ctx.access.require(
      this.policy.canManageTracksOf(track.organisation?.id ?? null),
      field,
      'Administrators manage the common catalogue; organisation admins their organisation’s co-created tracks.',
    );
    return track;
  }

  private async manageableModule(em: EntityManager, id: string, scope: CatalogueScope): Promise<LearningModule> {
    const [module] = await em.getRepository(LearningModule).findByIds([id], scope);
    if (!module) throw CatalogueErrors.moduleNotFound('id');
    await this.manageableTrack(em, module.track.id, scope, 'id');
    return module;
  }
}

/** Sets what the input gives; what it leaves out stays. */
function applyContent(target: LearningTrack | LearningModule, input: CatalogueContent): void {
  if (input.title) target.title = input.title;
  if (input.description !== undefined && input.description !== null) target.description = input.description;
  if (input.targetGroup !== undefined && input.targetGroup !== null) target.targetGroup = input.targetGroup;
  if (input.estimatedMinutes !== undefined) target.estimatedMinutes = input.estimatedMinutes;
  if (input.languages) target.languages = [...new Set(input.languages)];
  if (input.status) target.status = input.status;
  if (input.owner !== undefined && input.owner !== null) target.owner = input.owner;
}
