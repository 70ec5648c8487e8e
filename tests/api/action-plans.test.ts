/**
 * A workplace's action plan and its steps: DRAFT → SUBMITTED (manager) → SCHEDULE_PROPOSED (competence coordinator)
 * → ACCEPTED or SENT_BACK (manager). Every step, tried by every role from every status: only the right role in the
 * right order passes, anything else is refused and changes nothing; every step is in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, snapshot, USER_ERRORS } from '../support/factories.js';

type Actor =
  | 'administrator'
  | 'organisationAdmin'
  | 'manager'
  | 'workplaceCoordinator'
  | 'competenceCoordinator'
  | 'organisationCompetenceCoordinator'
  | 'otherManager'
  | 'otherOrganisationManager'
  | 'otherOrganisationCompetenceCoordinator'
  | 'staff'
  | 'anonymous';
const ACTORS: Actor[] = [
  'administrator',
  'organisationAdmin',
  'manager',
  'workplaceCoordinator',
  'competenceCoordinator',
  'organisationCompetenceCoordinator',
  'otherManager',
  'otherOrganisationManager',
  'otherOrganisationCompetenceCoordinator',
  'staff',
  'anonymous',
];
/** Who reads workplace A's plans (and so is told FORBIDDEN or CONFLICT rather than NOT_FOUND). */
const READERS = new Set<Actor>([
  'administrator',
  'organisationAdmin',
  'manager',
  'workplaceCoordinator',
  'competenceCoordinator',
  'organisationCompetenceCoordinator',
]);

type Status = 'DRAFT' | 'SUBMITTED' | 'SCHEDULE_PROPOSED' | 'ACCEPTED' | 'SENT_BACK';
type Step = 'submit' | 'proposeSchedule' | 'accept' | 'sendBack';
const STEPS: Record<Step, { mutation: string; input: string; by: Actor[]; from: Status[]; to: Status }> = {
  submit: { mutation: 'actionPlanSubmit', input: 'ActionPlanStepInput', by: ['manager'], from: ['DRAFT', 'SENT_BACK'], to: 'SUBMITTED' },
  proposeSchedule: {
    mutation: 'actionPlanProposeSchedule',
    input: 'ActionPlanProposeScheduleInput',
    by: ['competenceCoordinator', 'organisationCompetenceCoordinator'],
    from: ['SUBMITTED'],
    to: 'SCHEDULE_PROPOSED',
  },
  accept: { mutation: 'actionPlanAccept', input: 'ActionPlanStepInput', by: ['manager'], from: ['SCHEDULE_PROPOSED'], to: 'ACCEPTED' },
  sendBack: {
    mutation: 'actionPlanSendBack',
    input: 'ActionPlanSendBackInput',
    by: ['manager'],
    from: ['SCHEDULE_PROPOSED'],
    to: 'SENT_BACK',
  },
};
/** The steps that bring a new plan to each status. */
const PATHS: Record<Status, Step[]> = {
  DRAFT: [],
  SUBMITTED: ['submit'],
  SCHEDULE_PROPOSED: ['submit', 'proposeSchedule'],
  ACCEPTED: ['submit', 'proposeSchedule', 'accept'],
  SENT_BACK: ['submit', 'proposeSchedule', 'sendBack'],
};

let api: TestApi;
const as = {} as Record<Actor, GraphQLClient>;
const ids = {} as Record<string, string>;
let trackId: string;
let days = 0;

beforeAll(async () => {
  api = await startTestApi();
  const motala = await createOrganisation(api, { name: 'Motala kommun' });
  const norrkoping = await createOrganisation(api, { name: 'Norrköpings kommun' });
  const linkoping = await createOrganisation(api, { name: 'Linköpings kommun' });
  ids.workplaceA = (await createWorkplace(api, motala.id, { name: 'Hemtjänst A', joinedOn: '2020-01-01' })).id;
  ids.workplaceB = (await createWorkplace(api, motala.id, { name: 'Hemtjänst B', joinedOn: '2020-01-01' })).id;
  ids.workplaceC = (await createWorkplace(api, norrkoping.id, { name: 'Hemtjänst C', joinedOn: '2020-01-01' })).id;
  const person = async (actor: Actor, organisationId: string, role?: Record<string, unknown>) => {
    const created = await createPerson(api, organisationId);
    ids[actor] = created.id;
    if (role) await assignRole(api, { personId: created.id, startsOn: '2021-01-01', ...role });
    await api.createAccount(created.id);
    as[actor] = await api.signIn(created.email);
  };
  await person('organisationAdmin', motala.id, { role: 'ORGANISATION_ADMIN', organisationId: motala.id });
  await person('manager', motala.id, { role: 'MANAGER', workplaceId: ids.workplaceA });
  await person('workplaceCoordinator', motala.id, { role: 'WORKPLACE_COORDINATOR', workplaceId: ids.workplaceA });
  await person('competenceCoordinator', linkoping.id, { role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceA });
  await person('organisationCompetenceCoordinator', linkoping.id, { role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceB });
  await person('otherManager', motala.id, { role: 'MANAGER', workplaceId: ids.workplaceB });
  await person('otherOrganisationManager', norrkoping.id, { role: 'MANAGER', workplaceId: ids.workplaceC });
  await person('otherOrganisationCompetenceCoordinator', linkoping.id, { role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceC });
  await person('staff', motala.id);
  as.administrator = api.graphql;
  as.anonymous = api.anonymous;
  const track = await api.graphql(
    `mutation($input: LearningTrackCreateInput!) { learningTrackCreate(input: $input) { learningTrack { id } ${USER_ERRORS} } }`,
    { input: { externalKey: 'DEMENS', title: 'Demens', status: 'PUBLISHED' } },
  );
  trackId = track.data!.learningTrackCreate.learningTrack.id;
});
afterAll(() => api?.stop());

/** A period of its own for each new plan (one plan per workplace and first day). */
function nextPeriod(): { periodStartsOn: string; periodEndsOn: string } {
  const start = new Date(Date.UTC(2027, 0, 1 + days));
  days += 1;
  const end = new Date(start.getTime() + 180 * 86_400_000);
  return { periodStartsOn: start.toISOString().slice(0, 10), periodEndsOn: end.toISOString().slice(0, 10) };
}

const PLAN = 'actionPlan { id status }';
const CREATE = `mutation($input: ActionPlanCreateInput!) { actionPlanCreate(input: $input) { ${PLAN} ${USER_ERRORS} } }`;

function stepRequest(step: Step, planId: string, periodStartsOn: string): [string, Record<string, unknown>] {
  const { mutation, input } = STEPS[step];
  const values: Record<string, unknown> = { id: planId };
  if (step === 'proposeSchedule') values.schedule = [{ date: periodStartsOn, trackId, note: 'Modul 1 med lärare' }];
  if (step === 'sendBack') values.comment = 'Vi behöver passen på eftermiddagen.';
  return [`mutation($input: ${input}!) { ${mutation}(input: $input) { ${PLAN} ${USER_ERRORS} } }`, { input: values }];
}

/** What a step's response says: ok, or the first error's code. */
function outcome(step: Step, response: { data?: Record<string, any> | null; errors?: { extensions?: Record<string, unknown> }[] }) {
  if (response.errors?.length) return response.errors[0]!.extensions!.code as string;
  const payload = response.data![STEPS[step].mutation];
  return payload.errors.length === 0 ? 'ok' : (payload.errors[0].code as string);
}

/** A new plan of workplace A, taken by the right roles to the status. */
async function planIn(status: Status): Promise<{ id: string; periodStartsOn: string }> {
  const period = nextPeriod();
  const created = await as.manager(CREATE, {
    input: { workplaceId: ids.workplaceA, ...period, trackIds: [trackId], validationCount: 4, plannedSessionCount: 3 },
  });
  expect(created.data!.actionPlanCreate.errors).toEqual([]);
  const id = created.data!.actionPlanCreate.actionPlan.id as string;
  for (const step of PATHS[status]) {
    const [query, variables] = stepRequest(step, id, period.periodStartsOn);
    expect(outcome(step, await as[STEPS[step].by[0]!](query, variables))).toBe('ok');
  }
  return { id, periodStartsOn: period.periodStartsOn };
}

describe('action plan steps', () => {
  const statuses = Object.keys(PATHS) as Status[];

  it.each(statuses)('from %s, only the right role takes a step the order allows; everything else changes nothing', async (status) => {
    const plan = await planIn(status);
    const before = await snapshot(api);
    const refusals: string[] = [];
    for (const step of Object.keys(STEPS) as Step[]) {
      const rule = STEPS[step];
      for (const actor of ACTORS) {
        const allowed = rule.by.includes(actor) && rule.from.includes(status);
        if (allowed) continue;
        const expected =
          actor === 'anonymous'
            ? 'UNAUTHENTICATED'
            : !READERS.has(actor)
              ? 'NOT_FOUND'
              : !rule.by.includes(actor)
                ? 'FORBIDDEN'
                : 'CONFLICT';
        const [query, variables] = stepRequest(step, plan.id, plan.periodStartsOn);
        const got = outcome(step, await as[actor](query, variables));
        if (got !== expected) refusals.push(`${step} by ${actor} from ${status}: ${got}, expected ${expected}`);
      }
    }
    expect(refusals).toEqual([]);
    expect(await snapshot(api)).toBe(before);

    // And each allowed step, by each role allowed to take it, does what it says.
    for (const step of Object.keys(STEPS) as Step[]) {
      for (const actor of STEPS[step].by) {
        if (!STEPS[step].from.includes(status)) continue;
        const fresh = await planIn(status);
        const [query, variables] = stepRequest(step, fresh.id, fresh.periodStartsOn);
        const response = await as[actor](query, variables);
        expect([step, actor, outcome(step, response)]).toEqual([step, actor, 'ok']);
        expect(response.data![STEPS[step].mutation].actionPlan.status).toBe(STEPS[step].to);
      }
    }
  });

  it('records every step with who and when, in the step history and in the audit trail', async () => {
    const plan = await planIn('DRAFT');
    const path: [Step, Actor][] = [
      ['submit', 'manager'],
      ['proposeSchedule', 'competenceCoordinator'],
      ['sendBack', 'manager'],
      ['submit', 'manager'],
      ['proposeSchedule', 'organisationCompetenceCoordinator'],
      ['accept', 'manager'],
    ];
    for (const [step, actor] of path) {
      const [query, variables] = stepRequest(step, plan.id, plan.periodStartsOn);
      expect(outcome(step, await as[actor](query, variables))).toBe('ok');
    }
    // The administrator sees every person; others see the actors they may see (the rest are null).
    const read = await api.graphql(
      `query($id: ID!) { actionPlan(id: $id) { status steps { step fromStatus toStatus takenAt comment actor { id } } proposedSchedule { date note track { id } } } }`,
      { id: plan.id },
    );
    const { steps, status, proposedSchedule } = read.data!.actionPlan;
    expect(status).toBe('ACCEPTED');
    expect(steps.map((step: { step: string; actor: { id: string } | null }) => [step.step, step.actor?.id])).toEqual([
      ['CREATED', ids.manager],
      ['SUBMITTED', ids.manager],
      ['SCHEDULE_PROPOSED', ids.competenceCoordinator],
      ['SENT_BACK', ids.manager],
      ['SUBMITTED', ids.manager],
      ['SCHEDULE_PROPOSED', ids.organisationCompetenceCoordinator],
      ['ACCEPTED', ids.manager],
    ]);
    expect(steps[3]).toMatchObject({
      fromStatus: 'SCHEDULE_PROPOSED',
      toStatus: 'SENT_BACK',
      comment: 'Vi behöver passen på eftermiddagen.',
    });
    expect(steps.every((step: { takenAt: string }) => !Number.isNaN(Date.parse(step.takenAt)))).toBe(true);
    expect(proposedSchedule).toEqual([{ date: plan.periodStartsOn, note: 'Modul 1 med lärare', track: { id: trackId } }]);

    const audit = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { subjectId: $id }, orderBy: { field: OCCURRED_AT, direction: ASC }) { edges { node { operation actor { id } } } } }`,
      { id: plan.id },
    );
    expect(
      audit.data!.auditEntries.edges.map(({ node }: { node: { operation: string; actor: { id: string } } }) => [
        node.operation,
        node.actor.id,
      ]),
    ).toEqual([
      ['actionPlanCreate', ids.manager],
      ['actionPlanSubmit', ids.manager],
      ['actionPlanProposeSchedule', ids.competenceCoordinator],
      ['actionPlanSendBack', ids.manager],
      ['actionPlanSubmit', ids.manager],
      ['actionPlanProposeSchedule', ids.organisationCompetenceCoordinator],
      ['actionPlanAccept', ids.manager],
    ]);
  });
});

describe('action plan content and reads', () => {
  const UPDATE = `mutation($input: ActionPlanUpdateInput!) { actionPlanUpdate(input: $input) { actionPlan { id plannedSessions { month track { id } } teacherSupport } ${USER_ERRORS} } }`;

  it('is read by the workplace, its organisation and its competence coordinators only', async () => {
    const count = async (actor: Actor) => {
      const response = await as[actor](`query($id: ID!) { actionPlans(filter: { workplaceId: $id }) { totalCount } }`, {
        id: ids.workplaceA,
      });
      return response.errors?.[0]?.extensions?.code ?? response.data!.actionPlans.totalCount;
    };
    const counts = Object.fromEntries(await Promise.all(ACTORS.map(async (actor) => [actor, await count(actor)])));
    const visible = counts.manager as number;
    expect(visible).toBeGreaterThan(0);
    expect(counts).toEqual(
      Object.fromEntries(ACTORS.map((actor) => [actor, actor === 'anonymous' ? 'UNAUTHENTICATED' : READERS.has(actor) ? visible : 0])),
    );
  });

  it('fills in the needs and planned sessions while editable, naming bad fields, and not once submitted', async () => {
    const plan = await planIn('DRAFT');
    const filled = await as.manager(UPDATE, {
      input: {
        id: plan.id,
        teacherSupport: true,
        interpreterSupport: true,
        needsNote: 'Tolk till arabiska.\nLokal saknas på onsdagar.',
        plannedSessions: [{ month: plan.periodStartsOn.slice(0, 7), trackId }],
      },
    });
    expect(filled.data!.actionPlanUpdate).toMatchObject({
      errors: [],
      actionPlan: { teacherSupport: true, plannedSessions: [{ track: { id: trackId } }] },
    });

    const before = await snapshot(api);
    const bad = await as.manager(UPDATE, { input: { id: plan.id, plannedSessions: [{ month: '2031-01', trackId }] } });
    expect(bad.data!.actionPlanUpdate.errors).toEqual([expect.objectContaining({ field: 'plannedSessions.0.month', code: 'INVALID' })]);
    const notATrack = await as.manager(UPDATE, { input: { id: plan.id, trackIds: [ids.workplaceA] } });
    expect(notATrack.data!.actionPlanUpdate.errors).toEqual([expect.objectContaining({ field: 'trackIds.0' })]);
    const tooMany = await as.manager(UPDATE, { input: { id: plan.id, validationCount: 100_001 } });
    expect(tooMany.data!.actionPlanUpdate.errors).toEqual([expect.objectContaining({ field: 'validationCount', code: 'INVALID' })]);
    const byCoordinator = await as.workplaceCoordinator(UPDATE, { input: { id: plan.id, roomNeeded: true } });
    expect(byCoordinator.data!.actionPlanUpdate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const blankComment = await as.manager(
      `mutation($input: ActionPlanSendBackInput!) { actionPlanSendBack(input: $input) { ${USER_ERRORS} } }`,
      { input: { id: plan.id, comment: ' ' } },
    );
    expect(blankComment.data!.actionPlanSendBack.errors).toEqual([expect.objectContaining({ field: 'comment', code: 'INVALID' })]);
    expect(await snapshot(api)).toBe(before);

    const submitted = await planIn('SUBMITTED');
    const late = await as.manager(UPDATE, { input: { id: submitted.id, roomNeeded: true } });
    expect(late.data!.actionPlanUpdate.errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
  });

  it('refuses a second plan for the same period and a plan started by anyone but the manager', async () => {
    const period = nextPeriod();
    const input = { workplaceId: ids.workplaceA, ...period };
    expect((await as.manager(CREATE, { input })).data!.actionPlanCreate.errors).toEqual([]);
    expect((await as.manager(CREATE, { input })).data!.actionPlanCreate.errors).toEqual([
      expect.objectContaining({ field: 'periodStartsOn', code: 'TAKEN' }),
    ]);
    const other = { workplaceId: ids.workplaceA, ...nextPeriod() };
    expect((await as.organisationAdmin(CREATE, { input: other })).data!.actionPlanCreate.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
    expect((await as.otherOrganisationManager(CREATE, { input: other })).data!.actionPlanCreate.errors).toEqual([
      expect.objectContaining({ field: 'workplaceId', code: 'NOT_FOUND' }),
    ]);
  });
});
