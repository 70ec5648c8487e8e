import { describe, expect, it } from 'vitest';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import type { RegistrationState as State } from '../composables/registration-state.js';
import RegistrationState from './RegistrationState.vue';

const base: State = { status: 'CONFIRMED', waitlistPosition: null, offerExpiresAt: null, rejectionReason: null };

async function stateText(registration: Partial<State>, options: { language?: 'sv' | 'en'; now?: string } = {}) {
  const { wrapper } = await mountInPortal(RegistrationState, {
    language: options.language ?? 'sv',
    props: { registration: { ...base, ...registration }, now: new Date(options.now ?? '2026-12-01T10:00:00Z') },
  });
  const text = wrapper.text();
  wrapper.unmount();
  return text;
}

describe('a registration state in words', () => {
  it('says confirmed, awaiting approval and the waitlist place in Swedish', async () => {
    expect(await stateText({ status: 'CONFIRMED' })).toBe('bekräftad');
    expect(await stateText({ status: 'PENDING_APPROVAL' })).toBe('väntar på godkännande');
    expect(await stateText({ status: 'WAITLISTED', waitlistPosition: 3 })).toBe('på väntelistan, plats 3');
  });

  it("gives an offer's expiry as weekday and time in Swedish time, winter and summer", async () => {
    // 13:00 UTC is 14:00 in Sweden in winter (CET), 12:00 UTC in summer (CEST).
    expect(await stateText({ status: 'OFFERED', offerExpiresAt: '2026-12-03T13:00:00Z' })).toBe('erbjuden plats till torsdag 14:00');
    expect(await stateText({ status: 'OFFERED', offerExpiresAt: '2026-09-03T12:00:00Z' }, { now: '2026-09-01T08:00:00Z' })).toBe(
      'erbjuden plats till torsdag 14:00',
    );
  });

  it('adds the date when the offer runs for more than the coming week', async () => {
    expect(await stateText({ status: 'OFFERED', offerExpiresAt: '2026-12-03T13:00:00Z' }, { now: '2026-11-20T10:00:00Z' })).toBe(
      'erbjuden plats till torsdag 3 december kl. 14:00',
    );
  });

  it('speaks English when English is chosen', async () => {
    expect(await stateText({ status: 'OFFERED', offerExpiresAt: '2026-12-03T13:00:00Z' }, { language: 'en' })).toBe(
      'offered a place until Thursday 14:00',
    );
    expect(await stateText({ status: 'WAITLISTED', waitlistPosition: 1 }, { language: 'en' })).toBe('waitlisted, place 1');
    expect(await stateText({ status: 'CONFIRMED' }, { language: 'en' })).toBe('confirmed');
  });

  it('tells a rejection with its reason, and the ended states', async () => {
    expect(await stateText({ status: 'REJECTED', rejectionReason: 'Platserna är för chefer' })).toBe(
      'inte godkänd: Platserna är för chefer',
    );
    expect(await stateText({ status: 'LAPSED' })).toBe('erbjudandet gick ut');
    expect(await stateText({ status: 'CANCELLED' })).toBe('avbokad');
  });
});
