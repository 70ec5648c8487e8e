import { describe, expect, it } from 'vitest';
import { CostShareGroup, indexedCost, shareCost, type CostShareMember } from './cost-share-calculation.js';

const member = (name: string, keyValue: number, group = CostShareGroup.MUNICIPALITIES, participation = 1): CostShareMember => ({
  organisationId: name,
  name,
  group,
  keyValue,
  participation,
});

describe('sharing a year cost', () => {
  it('indexes the base cost by the price index, whole kronor', () => {
    expect(indexedCost(7_106_957, 100, 108.5)).toBe(7_711_048);
  });

  it('gives the region 15 %, splits the rest by the key and adds up exactly (largest remainder)', () => {
    const lines = shareCost(1000, [member('Region', 1, CostShareGroup.REGION), member('A', 1), member('B', 1), member('C', 1)]);
    expect(lines.map((line) => [line.name, line.amount])).toEqual([
      ['Region', 150],
      ['A', 284],
      ['B', 283],
      ['C', 283],
    ]);
    expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(1000);
    expect(lines.find((line) => line.name === 'A')!.rounding).toBe(1);
  });

  it('leaves out members without days in force; the others grow; half a year carries half the weight', () => {
    const full = shareCost(850_000, [member('Region', 1, CostShareGroup.REGION), member('A', 100), member('B', 100)]);
    const withoutB = shareCost(850_000, [member('Region', 1, CostShareGroup.REGION), member('A', 100), member('B', 100, undefined, 0)]);
    expect(withoutB.find((line) => line.name === 'B')!.amount).toBe(0);
    expect(withoutB.find((line) => line.name === 'A')!.amount).toBe(2 * full.find((line) => line.name === 'A')!.amount);
    const halfB = shareCost(850_000, [member('Region', 1, CostShareGroup.REGION), member('A', 100), member('B', 100, undefined, 0.5)]);
    expect(halfB.find((line) => line.name === 'B')!.keyShare).toBeCloseTo(1 / 3, 10);
  });

  it('orders Swedish names as Swedish readers do', () => {
    const lines = shareCost(100, [member('Ödeshög', 1), member('Åtvidaberg', 1), member('Ydre', 1)]);
    expect(lines.map((line) => line.name)).toEqual(['Ydre', 'Åtvidaberg', 'Ödeshög']);
  });
});
