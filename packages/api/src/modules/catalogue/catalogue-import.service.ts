import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors/user-error.js';
import { todayInSweden } from '../../platform/swedish-time.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import {
  readCatalogueFile,
  UnreadableFile,
  writeCatalogueFile,
  type CatalogueItemFields,
  type CatalogueRow,
  type ExportRow,
  type RowError,
} from './catalogue-file.js';
import { catalogueScope } from './catalogue-scope.js';
import { CatalogueImportOutcome, CatalogueItemKind, ExportFormat } from './catalogue.enums.js';
import { CatalogueErrors } from './catalogue.errors.js';
import type { CatalogueImportInput } from './catalogue.inputs.js';
import { CataloguePolicy } from './catalogue.policy.js';
import { LearningModule } from './learning-module.entity.js';
import { LearningTrack } from './learning-track.entity.js';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 5000;

export interface ImportRowReport {
  row: number;
  kind: CatalogueItemKind | null;
  key: string;
  outcome: CatalogueImportOutcome;
  changedFields: string[];
  errors: RowError[];
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  rowCount: number;
  errorCount: number;
  tracksCreated: number;
  tracksUpdated: number;
  tracksUnchanged: number;
  modulesCreated: number;
  modulesUpdated: number;
  modulesUnchanged: number;
  rows: ImportRowReport[];
}

interface Plan {
  report: ImportRowReport[];
  /** Applies the plan to the entities it was made from; answers the audit subject (a changed track). */
  apply(em: EntityManager): LearningTrack | null;
}

const FIELD_NAMES: (keyof CatalogueItemFields)[] = [
  'title',
  'description',
  'targetGroup',
  'estimatedMinutes',
  'languages',
  'status',
  'owner',
];

function changedFields(entity: LearningTrack | LearningModule, fields: CatalogueItemFields): string[] {
  return FIELD_NAMES.filter((name) =>
    name === 'languages' ? entity.languages.join(',') !== fields.languages.join(',') : entity[name] !== fields[name],
  );
}

function normaliseOrganisationNumber(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length === 10 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : text;
}

export class CatalogueImportService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Reads the file, checks every row, and imports it all in one transaction, or nothing (a dry run, or any bad row). */
  async import(input: CatalogueImportInput): Promise<ImportReport> {
    this.ctx.access.require(CataloguePolicy.of(this.ctx.access).canImport(), null, 'Only administrators import into the catalogue.');
    await assertValidInput(input);
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw CatalogueErrors.unreadableFile('it is empty or not base64.');
    if (content.length > MAX_FILE_BYTES) throw CatalogueErrors.unreadableFile('it is larger than 5 MB.');
    let rows: CatalogueRow[];
    try {
      rows = await readCatalogueFile(content, input.format);
    } catch (error) {
      if (error instanceof UnreadableFile) throw CatalogueErrors.unreadableFile(error.message);
      throw error;
    }
    if (rows.length > MAX_ROWS) throw CatalogueErrors.unreadableFile(`it has more than ${MAX_ROWS} rows.`);

    const plan = await this.plan(this.ctx.em, rows);
    const report = summarise(plan.report, input.dryRun);
    const changes = plan.report.some(
      (row) => row.outcome === CatalogueImportOutcome.CREATE || row.outcome === CatalogueImportOutcome.UPDATE,
    );
    if (input.dryRun || report.errorCount > 0 || !changes) return report;

    await unitOfWork(this.ctx, 'catalogueImport', async (em) => {
      // Planned again on the transaction's fresh copies, so what is written is what the rows say now.
      const fresh = await this.plan(em, rows);
      const errors = fresh.report.filter((row) => row.errors.length > 0);
      if (errors.length > 0) throw CatalogueErrors.rowsWithErrors(errors.length);
      const subject = fresh.apply(em);
      if (!subject) throw new DomainError([]);
      return subject;
    });
    return { ...report, applied: true };
  }

  private async plan(em: EntityManager, rows: CatalogueRow[]): Promise<Plan> {
    const trackRows = rows.filter((row) => row.kind === CatalogueItemKind.TRACK);
    const moduleRows = rows.filter((row) => row.kind === CatalogueItemKind.MODULE);
    const tracks = new Map(
      (
        await em
          .getRepository(LearningTrack)
          .findByExternalKeys([...new Set([...trackRows.map((row) => row.key), ...moduleRows.map((row) => row.trackKey)])])
      ).map((track) => [track.externalKey, track]),
    );
    const modules = new Map(
      (await em.getRepository(LearningModule).findByExternalKeys([...new Set(moduleRows.map((row) => row.key))])).map((module) => [
        module.externalKey,
        module,
      ]),
    );
    const organisations = new Map(
      (await em.getRepository(Organisation).findAllOrByIdsByName('all')).map((organisation) => [
        organisation.organisationNumber,
        organisation,
      ]),
    );

    const seen = new Map<string, number>();
    const fileTrackKeys = new Set(trackRows.filter((row) => row.errors.length === 0).map((row) => row.key));
    const actions: ((em: EntityManager) => LearningTrack | null)[] = [];
    const created = new Map<string, LearningTrack>();
    const report = rows.map((row): ImportRowReport => {
      const errors = [...row.errors];
      const duplicateOf = row.kind && row.key ? seen.get(`${row.kind}:${row.key}`) : undefined;
      if (duplicateOf) errors.push({ column: 'key', code: 'DUPLICATE', message: `Row ${duplicateOf} has the same key.` });
      else if (row.kind && row.key) seen.set(`${row.kind}:${row.key}`, row.row);
      const base = { row: row.row, kind: row.kind, key: row.key };
      if (row.kind === CatalogueItemKind.TRACK) {
        const organisation = row.organisationNumber
          ? (organisations.get(normaliseOrganisationNumber(row.organisationNumber)) ?? null)
          : null;
        if (row.organisationNumber && !organisation)
          errors.push({
            column: 'organisation_number',
            code: 'NOT_FOUND',
            message: `No member organisation has the number ${row.organisationNumber}.`,
          });
        if (errors.length > 0) return { ...base, outcome: CatalogueImportOutcome.ERROR, changedFields: [], errors };
        const existing = tracks.get(row.key);
        if (!existing) {
          actions.push((em) => {
            const track = em.create(LearningTrack, { externalKey: row.key, ...row.fields, organisation, sharedWithMembers: row.shared });
            created.set(row.key, track);
            return track;
          });
          return { ...base, outcome: CatalogueImportOutcome.CREATE, changedFields: [], errors };
        }
        const changed = changedFields(existing, row.fields);
        if ((existing.organisation?.id ?? null) !== (organisation?.id ?? null)) changed.push('organisation');
        if (existing.sharedWithMembers !== row.shared) changed.push('sharedWithMembers');
        if (changed.length === 0) return { ...base, outcome: CatalogueImportOutcome.UNCHANGED, changedFields: [], errors };
        actions.push(() => {
          Object.assign(existing, row.fields, { sharedWithMembers: row.shared });
          existing.organisation = organisation ? ref(organisation) : null;
          return existing;
        });
        return { ...base, outcome: CatalogueImportOutcome.UPDATE, changedFields: changed, errors };
      }
      if (row.kind === CatalogueItemKind.MODULE) {
        const track = tracks.get(row.trackKey);
        if (row.trackKey && !track && !fileTrackKeys.has(row.trackKey))
          errors.push({
            column: 'track_key',
            code: 'NOT_FOUND',
            message: `No track has the key ${row.trackKey}, in the file or the catalogue.`,
          });
        if (errors.length > 0) return { ...base, outcome: CatalogueImportOutcome.ERROR, changedFields: [], errors };
        const trackOf = () => track ?? created.get(row.trackKey)!;
        const existing = modules.get(row.key);
        if (!existing) {
          actions.push((em) => {
            em.create(LearningModule, { externalKey: row.key, ...row.fields, track: trackOf() });
            return trackOf();
          });
          return { ...base, outcome: CatalogueImportOutcome.CREATE, changedFields: [], errors };
        }
        const changed = changedFields(existing, row.fields);
        const movesTrack = existing.track.getEntity().externalKey !== row.trackKey;
        if (movesTrack) changed.push('track');
        if (changed.length === 0) return { ...base, outcome: CatalogueImportOutcome.UNCHANGED, changedFields: [], errors };
        actions.push(() => {
          Object.assign(existing, row.fields);
          if (movesTrack) existing.track = ref(trackOf());
          return trackOf();
        });
        return { ...base, outcome: CatalogueImportOutcome.UPDATE, changedFields: changed, errors };
      }
      return { ...base, outcome: CatalogueImportOutcome.ERROR, changedFields: [], errors };
    });
    return {
      report,
      apply: (target) => {
        let subject: LearningTrack | null = null;
        for (const action of actions) {
          const touched = action(target);
          subject ??= touched;
        }
        return subject;
      },
    };
  }

  /** The catalogue the caller sees, in the import's format: each track, then its modules. */
  async export(format: ExportFormat): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    this.ctx.access.requireToRead(CataloguePolicy.of(this.ctx.access).canRead(), 'You may not read the catalogue.');
    const scope = await catalogueScope(this.ctx.em, this.ctx.access);
    const tracks = await this.ctx.em.getRepository(LearningTrack).findAllVisible(scope);
    const modules = await this.ctx.em.getRepository(LearningModule).findByTracks(
      tracks.map((track) => track.id),
      scope,
    );
    const rows: ExportRow[] = [];
    const line = (kind: string, item: LearningTrack | LearningModule, extra: Partial<ExportRow>): ExportRow => ({
      kind,
      key: item.externalKey,
      track_key: '',
      title: item.title,
      description: item.description,
      target_group: item.targetGroup,
      estimated_minutes: item.estimatedMinutes ?? '',
      languages: item.languages.join(', '),
      status: item.status.toLowerCase(),
      owner: item.owner,
      organisation_number: '',
      shared: '',
      ...extra,
    });
    for (const track of tracks) {
      rows.push(
        line('track', track, {
          organisation_number: track.organisation?.getEntity().organisationNumber ?? '',
          shared: track.organisation ? (track.sharedWithMembers ? 'yes' : 'no') : '',
        }),
      );
      for (const module of modules.filter((candidate) => candidate.track.id === track.id))
        rows.push(line('module', module, { track_key: track.externalKey }));
    }
    const content = await writeCatalogueFile(rows, format);
    const base = `larandekatalog-${todayInSweden()}`;
    return format === ExportFormat.XLSX
      ? { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content }
      : { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', content };
  }
}

function summarise(rows: ImportRowReport[], dryRun: boolean): ImportReport {
  const count = (kind: CatalogueItemKind, outcome: CatalogueImportOutcome) =>
    rows.filter((row) => row.kind === kind && row.outcome === outcome).length;
  return {
    dryRun,
    applied: false,
    rowCount: rows.length,
    errorCount: rows.filter((row) => row.outcome === CatalogueImportOutcome.ERROR).length,
    tracksCreated: count(CatalogueItemKind.TRACK, CatalogueImportOutcome.CREATE),
    tracksUpdated: count(CatalogueItemKind.TRACK, CatalogueImportOutcome.UPDATE),
    tracksUnchanged: count(CatalogueItemKind.TRACK, CatalogueImportOutcome.UNCHANGED),
    modulesCreated: count(CatalogueItemKind.MODULE, CatalogueImportOutcome.CREATE),
    modulesUpdated: count(CatalogueItemKind.MODULE, CatalogueImportOutcome.UPDATE),
    modulesUnchanged: count(CatalogueItemKind.MODULE, CatalogueImportOutcome.UNCHANGED),
    rows,
  };
}
