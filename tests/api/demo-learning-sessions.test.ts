import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { DEMO_PASSWORD, seedDemoDataIfEmpty } from '@evikomp/api/seed/seed-database';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ withAdministrator: false });
  await seedDemoDataIfEmpty(api.orm, pino({ level: 'silent' }), { production: false });
});
afterAll(() => api?.stop());

describe('the demo data for learning sessions', () => {
  it('holds some months of sessions at some workplaces, the older months attested and the last partly confirmed', async () => {
    const rows = await api.orm.em
      .getConnection()
      .execute<{ month: string; workplaces: number; minutes: number; confirmed: number; attested: number; paper: number }[]>(
        `select h.month, count(distinct h.workplace_id)::int as workplaces, sum(h.minutes)::int as minutes,
              coalesce(sum(h.minutes) filter (where h.confirmation_id is not null), 0)::int as confirmed,
              coalesce(sum(h.minutes) filter (where h.attestation_id is not null), 0)::int as attested,
              count(*) filter (where s.paper_list_signed_by_person_id is not null)::int as paper
         from learning_hours h join learning_session s on s.id = h.session_id group by h.month order by h.month`,
      );
    expect(rows.map((row) => row.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    for (const row of rows.slice(0, -1)) {
      expect(row.workplaces).toBe(30);
      expect(row.attested).toBe(row.minutes);
      expect(row.paper).toBeGreaterThan(0);
    }
    const last = rows.at(-1)!;
    expect(last.attested).toBe(0);
    expect(last.confirmed).toBeGreaterThan(0);
    expect(last.confirmed).toBeLessThan(last.minutes);
  });

  it("answers a workplace's demo sessions of a month and a participant's attested hours", async () => {
    const administrator = await api.signIn('anna.lindqvist@linkoping.se', DEMO_PASSWORD);
    const [first] = await api.orm.em
      .getConnection()
      .execute<{ workplace_id: string; person_id: string }[]>(`select workplace_id, person_id from learning_hours order by id limit 1`);
    const { workplace_id: workplaceId, person_id: personId } = first!;
    const encode = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
    const response = await administrator(
      `query($w: ID!, $p: ID!) { learningSessions(workplaceId: $w, month: "2026-08") { totalCount }
        learningHours(personId: $p, fromMonth: "2026-08", toMonth: "2026-08") { status attestedHours } }`,
      { w: encode('Workplace', workplaceId), p: encode('Person', personId) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.learningSessions.totalCount).toBe(2);
    expect(response.data!.learningHours).toEqual([{ status: 'ATTESTED', attestedHours: 2.5 }]);
  });
});
