import type { MikroORM } from '@mikro-orm/postgresql';
import { ActionPlanStep } from '../modules/action-plan/action-plan-step.entity.js';
import { ActionPlan } from '../modules/action-plan/action-plan.entity.js';
import { ActionPlanStatus, ActionPlanStepKind } from '../modules/action-plan/action-plan.enums.js';
import { CatalogueStatus } from '../modules/catalogue/catalogue.enums.js';
import { LearningModule } from '../modules/catalogue/learning-module.entity.js';
import { LearningTrack } from '../modules/catalogue/learning-track.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { Person } from '../modules/person/person.entity.js';
import { Workplace } from '../modules/workplace/workplace.entity.js';
import { demoAccountHolders } from './seed-database.js';
import type { SeedDirectory } from './demo-data.js';

interface DemoTrack {
  key: string;
  title: string;
  description: string;
  targetGroup: string;
  languages: string[];
  modules: [title: string, minutes: number][];
  /** A member's co-created track: its organisation's name, and whether it is shared. */
  coCreatedBy?: { name: string; shared: boolean };
}

/** A handful of the platform's tracks (seed 000/001: about 60 tracks, 300 modules), as the demo's catalogue. */
const TRACKS: DemoTrack[] = [
  {
    key: 'DEM',
    title: 'Demens',
    description: 'Grundläggande kunskap om demenssjukdomar och ett personcentrerat förhållningssätt i vardagen.',
    targetGroup: 'Undersköterskor och vårdbiträden i äldreomsorgen',
    languages: ['sv', 'en', 'ar'],
    modules: [
      ['Vad är demens?', 45],
      ['Att möta personer med demenssjukdom', 60],
      ['Beteendemässiga och psykiska symtom (BPSD)', 60],
      ['Anhöriga och närstående', 30],
    ],
  },
  {
    key: 'PAL',
    title: 'Palliativ vård',
    description: 'Vård i livets slutskede: symtomlindring, existentiella frågor och stöd till närstående.',
    targetGroup: 'All vård- och omsorgspersonal',
    languages: ['sv', 'en'],
    modules: [
      ['De fyra hörnstenarna', 45],
      ['Symtomlindring och munvård', 60],
      ['Samtal om döden', 45],
      ['Efter dödsfallet', 30],
    ],
  },
  {
    key: 'LAB',
    title: 'Lågaffektivt bemötande',
    description: 'Att förebygga och hantera utmanande beteenden med ett lugnt och respektfullt bemötande.',
    targetGroup: 'Personal i äldreomsorg, LSS och socialpsykiatri',
    languages: ['sv'],
    modules: [
      ['Affekter och smitta', 45],
      ['Krav och förmåga', 45],
      ['Att vända en situation', 60],
    ],
  },
  {
    key: 'SIV',
    title: 'Svenska i vården',
    description: 'Yrkessvenska för vård och omsorg: dokumentation, rapportering och samtal med brukare.',
    targetGroup: 'Medarbetare med annat modersmål än svenska',
    languages: ['sv', 'ar', 'so', 'ti'],
    modules: [
      ['Ord och begrepp i omsorgen', 60],
      ['Att rapportera muntligt', 45],
      ['Att dokumentera', 60],
      ['Samtal med brukare och närstående', 45],
      ['Telefonsamtal', 30],
    ],
  },
  {
    key: 'LAK',
    title: 'Läkemedelshantering',
    description: 'Säker hantering av läkemedel enligt delegering, och vad som händer när något går fel.',
    targetGroup: 'Personal med delegering',
    languages: ['sv'],
    modules: [
      ['Delegering och ansvar', 30],
      ['Läkemedel och äldre', 45],
      ['Avvikelser', 30],
    ],
  },
  {
    key: 'MOT-HEM',
    title: 'Trygg hemgång',
    description: 'Medskapat spår från hemtjänsten i Motala om de första dagarna hemma efter sjukhusvistelse.',
    targetGroup: 'Hemtjänstens personal',
    languages: ['sv'],
    modules: [
      ['Planering inför hemgång', 45],
      ['De första dygnen hemma', 45],
    ],
    coCreatedBy: { name: 'Motala kommun', shared: true },
  },
];

const OWNER = 'Vård- och omsorgscollege Östergötland';

/**
 * The demo's learning catalogue and a few action plans in different steps, at workplaces whose manager has a demo
 * account: one submitted, one with a proposed schedule, one accepted, one draft. A few hundred rows: fast to seed.
 */
export async function seedDemoCatalogue(orm: MikroORM, directory: SeedDirectory): Promise<void> {
  const em = orm.em.fork();
  const organisationByName = new Map(directory.organisations.map((organisation) => [organisation.name, organisation]));
  const tracks = new Map<string, LearningTrack>();
  for (const track of TRACKS) {
    const owner = track.coCreatedBy ? organisationByName.get(track.coCreatedBy.name) : undefined;
    const entity = em.create(LearningTrack, {
      externalKey: track.key,
      title: track.title,
      description: track.description,
      targetGroup: track.targetGroup,
      languages: track.languages,
      status: CatalogueStatus.PUBLISHED,
      owner: owner ? owner.name : OWNER,
      organisation: owner ? em.getReference(Organisation, owner.id) : null,
      sharedWithMembers: track.coCreatedBy?.shared ?? false,
      estimatedMinutes: track.modules.reduce((sum, [, minutes]) => sum + minutes, 0),
    });
    tracks.set(track.key, entity);
    track.modules.forEach(([title, minutes], index) =>
      em.create(LearningModule, {
        track: entity,
        externalKey: `${track.key}-${String(index + 1).padStart(2, '0')}`,
        title,
        estimatedMinutes: minutes,
        languages: track.languages.slice(0, 1),
        status: CatalogueStatus.PUBLISHED,
        owner: OWNER,
      }),
    );
  }

  const holders = new Set(demoAccountHolders(directory));
  const current = directory.roleAssignments.filter((assignment) => assignment.endsOn === null);
  const managed = current.filter(
    (assignment) => assignment.role === 'MANAGER' && holders.has(assignment.personId) && assignment.workplaceId,
  );
  const organisationOf = new Map(directory.workplaces.map((workplace) => [workplace.id, workplace.organisationId]));
  const coordinatorFor = (workplaceId: string): string | null =>
    current.find(
      (assignment) =>
        assignment.role === 'COMPETENCE_COORDINATOR' &&
        assignment.workplaceId !== null &&
        organisationOf.get(assignment.workplaceId) === organisationOf.get(workplaceId),
    )?.personId ?? null;
  const person = (id: string | null) => (id ? em.getReference(Person, id) : null);
  const flows: { status: ActionPlanStatus; startsOn: string; endsOn: string; steps: ActionPlanStepKind[] }[] = [
    { status: ActionPlanStatus.SUBMITTED, startsOn: '2027-01-01', endsOn: '2027-06-30', steps: [ActionPlanStepKind.SUBMITTED] },
    {
      status: ActionPlanStatus.SCHEDULE_PROPOSED,
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      steps: [ActionPlanStepKind.SUBMITTED, ActionPlanStepKind.SCHEDULE_PROPOSED],
    },
    {
      status: ActionPlanStatus.ACCEPTED,
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
      steps: [ActionPlanStepKind.SUBMITTED, ActionPlanStepKind.SCHEDULE_PROPOSED, ActionPlanStepKind.ACCEPTED],
    },
    { status: ActionPlanStatus.DRAFT, startsOn: '2027-01-01', endsOn: '2027-06-30', steps: [] },
  ];
  const chosen = [tracks.get('DEM')!, tracks.get('LAB')!];
  managed.slice(0, flows.length).forEach((assignment, index) => {
    const flow = flows[index]!;
    const workplaceId = assignment.workplaceId!;
    const proposed = flow.steps.includes(ActionPlanStepKind.SCHEDULE_PROPOSED);
    const plan = em.create(ActionPlan, {
      workplace: em.getReference(Workplace, workplaceId),
      periodStartsOn: flow.startsOn,
      periodEndsOn: flow.endsOn,
      status: flow.status,
      trackIds: chosen.map((track) => track.id),
      validationCount: 3 + index,
      plannedSessions: [
        { month: flow.startsOn.slice(0, 7), trackId: chosen[0]!.id },
        { month: `${flow.startsOn.slice(0, 5)}${String(Number(flow.startsOn.slice(5, 7)) + 2).padStart(2, '0')}`, trackId: chosen[1]!.id },
      ],
      teacherSupport: true,
      interpreterSupport: index % 2 === 0,
      roomNeeded: index === 1,
      needsNote: index % 2 === 0 ? 'Tolk till arabiska och somaliska vid två av träffarna.' : '',
      proposedSchedule: proposed
        ? [
            { date: `${flow.startsOn.slice(0, 8)}14`, trackId: chosen[0]!.id, note: 'Med lärare från Vård- och omsorgscollege' },
            {
              date: `${flow.startsOn.slice(0, 5)}${String(Number(flow.startsOn.slice(5, 7)) + 2).padStart(2, '0')}-11`,
              trackId: chosen[1]!.id,
              note: '',
            },
          ]
        : [],
    });
    const base = Date.parse(`${flow.startsOn}T09:00:00Z`) - 60 * 86_400_000;
    const steps: { step: ActionPlanStepKind; from: ActionPlanStatus | null; to: ActionPlanStatus; actor: string | null }[] = [
      { step: ActionPlanStepKind.CREATED, from: null, to: ActionPlanStatus.DRAFT, actor: assignment.personId },
    ];
    for (const step of flow.steps) {
      const from = steps.at(-1)!.to;
      const to = step as unknown as ActionPlanStatus;
      steps.push({
        step,
        from,
        to,
        actor: step === ActionPlanStepKind.SCHEDULE_PROPOSED ? coordinatorFor(workplaceId) : assignment.personId,
      });
    }
    steps.forEach((step, position) =>
      em.create(ActionPlanStep, {
        actionPlan: plan,
        step: step.step,
        fromStatus: step.from,
        toStatus: step.to,
        actor: person(step.actor),
        takenAt: new Date(base + position * 7 * 86_400_000),
      }),
    );
  });
  await em.flush();
}
