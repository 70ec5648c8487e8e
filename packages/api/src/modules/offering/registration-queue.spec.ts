import { describe, expect, it } from 'vitest';
import { freePlaces, hasRoomFor, nextToPromote, offerExpiresAt, offerHolds, quotaReleaseDue } from './queue-places.js';

const counts = (capacity: number | null, confirmedCount = 0, offeredCount = 0) => ({ capacity, confirmedCount, offeredCount });
const none = new Map<string, number>();

describe('the place arithmetic of the registration queue', () => {
  describe('free places', () => {
    it('are the capacity less the confirmed places and the places held by offers', () => {
      expect(freePlaces(counts(10, 6, 3))).toBe(1);
      expect(freePlaces(counts(10, 7, 3))).toBe(0);
    });

    it('are unlimited without a capacity, and never negative after a cut', () => {
      expect(freePlaces(counts(null, 500))).toBe(Infinity);
      expect(freePlaces(counts(5, 6))).toBe(0);
    });
  });

  describe('quotas before the release date', () => {
    // 10 places: 3 reserved for A, 2 for B, 5 open to everyone else.
    const quotas = new Map([
      ['A', 3],
      ['B', 2],
    ]);

    it('give an organisation with a quota places up to its quota, even when the open places are gone', () => {
      const taken = new Map([
        ['A', 2],
        ['C', 5],
      ]);
      expect(hasRoomFor(counts(10, 7), quotas, taken, 'A')).toBe(true);
      expect(hasRoomFor(counts(10, 8), quotas, new Map([...taken, ['A', 3]]), 'A')).toBe(false);
    });

    it('leave the others what the quotas do not reserve', () => {
      expect(hasRoomFor(counts(10, 4), quotas, new Map([['C', 4]]), 'D')).toBe(true);
      expect(hasRoomFor(counts(10, 5), quotas, new Map([['C', 5]]), 'D')).toBe(false);
    });

    it('never give more than the capacity, and give anyone a place once released (no quotas)', () => {
      expect(hasRoomFor(counts(10, 9, 1), quotas, new Map([['A', 0]]), 'A')).toBe(false);
      expect(hasRoomFor(counts(10, 5), none, new Map([['C', 5]]), 'D')).toBe(true);
    });

    it('are due for release on their date, once', () => {
      const at = new Date('2026-09-01T00:00:00Z');
      expect(quotaReleaseDue({ quotaReleaseAt: at, quotasReleasedAt: null }, new Date('2026-08-31T23:59:59Z'))).toBe(false);
      expect(quotaReleaseDue({ quotaReleaseAt: at, quotasReleasedAt: null }, at)).toBe(true);
      expect(quotaReleaseDue({ quotaReleaseAt: at, quotasReleasedAt: at }, new Date('2026-09-02T00:00:00Z'))).toBe(false);
      expect(quotaReleaseDue({ quotaReleaseAt: null, quotasReleasedAt: null }, at)).toBe(false);
    });
  });

  describe('promotion order', () => {
    const waitlist = [
      { id: 1, organisationId: 'C' },
      { id: 2, organisationId: 'A' },
      { id: 3, organisationId: 'A' },
    ];

    it('promotes the first in line without quotas', () => {
      expect(nextToPromote(waitlist, counts(3, 2), none, none)?.id).toBe(1);
      expect(nextToPromote(waitlist, counts(3, 3), none, none)).toBeNull();
    });

    it("gives a place reserved for an organisation to that organisation's first in line", () => {
      // 4 places, 2 reserved for A: C holds both open places, so the free place is A's.
      const quotas = new Map([['A', 2]]);
      expect(
        nextToPromote(
          waitlist,
          counts(4, 3),
          quotas,
          new Map([
            ['C', 2],
            ['A', 1],
          ]),
        )?.id,
      ).toBe(2);
    });

    it('promotes nobody when no one in line has room', () => {
      const quotas = new Map([['A', 1]]);
      expect(nextToPromote([waitlist[0]!], counts(4, 3), quotas, new Map([['C', 3]]))).toBeNull();
    });
  });

  describe('offers held', () => {
    it('hold their place for the hold time and lapse at the expiry', () => {
      const now = new Date('2026-05-01T10:00:00Z');
      const expires = offerExpiresAt(now, 48);
      expect(expires.toISOString()).toBe('2026-05-03T10:00:00.000Z');
      expect(offerHolds(expires, new Date('2026-05-03T09:59:59Z'))).toBe(true);
      expect(offerHolds(expires, expires)).toBe(false);
      expect(offerHolds(null, now)).toBe(false);
    });

    it('count as taken places', () => {
      expect(freePlaces(counts(2, 1, 1))).toBe(0);
      expect(hasRoomFor(counts(2, 1, 1), none, none, 'A')).toBe(false);
    });
  });
});
