/**
 * The yearly cost of the model shared between the members: the regions carry `REGION_PART` (15 %), the
 * municipalities (and other members) the rest, each group split by its distribution key (population, or weights the
 * region published) times the part of the year each member's agreement was in force. Whole kronor, rounded by the
 * largest remainder so that the shares add up exactly to the year's total. Pure arithmetic: no database here.
 */

export const REGION_PART = 0.15;

export enum CostShareGroup {
  REGION = 'REGION',
  MUNICIPALITIES = 'MUNICIPALITIES',
}

export interface CostShareMember {
  organisationId: string;
  name: string;
  group: CostShareGroup;
  /** Population or weight for the year. */
  keyValue: number;
  /** Days in force in the year / days of the year, 0..1. */
  participation: number;
}

export interface CostShareLine extends CostShareMember {
  /** This member's share of its group's part, 0..1, after participation. */
  keyShare: number;
  /** The exact amount before rounding. */
  exactShare: number;
  /** Whole kronor. */
  amount: number;
  /** What rounding added: the amount minus the exact share rounded down (0 or 1). */
  rounding: number;
}

/** Indexed cost: the base year's cost × KPI of the year / KPI of the base year, whole kronor. */
export function indexedCost(baseCost: number, baseIndex: number, yearIndex: number): number {
  return Math.round((baseCost * yearIndex) / baseIndex);
}

/** Swedish names compare as Swedish readers expect (å, ä, ö last). */
const byName = new Intl.Collator('sv').compare;

export function shareCost(total: number, members: readonly CostShareMember[]): CostShareLine[] {
  const taking = members.filter((member) => member.participation > 0 && member.keyValue > 0);
  const groupPart = (group: CostShareGroup) => (group === CostShareGroup.REGION ? REGION_PART : 1 - REGION_PART);
  const groups = new Set(taking.map((member) => member.group));
  // A group with nobody in it: the other carries the whole cost (no region member, or only the region).
  const partOf = (group: CostShareGroup) => (groups.size === 1 ? 1 : groupPart(group));
  const weightOf = (member: CostShareMember) => member.keyValue * member.participation;
  const groupWeight = new Map<CostShareGroup, number>();
  for (const member of taking) groupWeight.set(member.group, (groupWeight.get(member.group) ?? 0) + weightOf(member));

  const lines = members.map((member): CostShareLine => {
    const takesPart = taking.includes(member);
    const keyShare = takesPart ? weightOf(member) / groupWeight.get(member.group)! : 0;
    const exactShare = total * partOf(member.group) * keyShare;
    return { ...member, keyShare, exactShare, amount: Math.floor(exactShare), rounding: 0 };
  });

  // Largest remainder: the kronor left after rounding down go to the largest fractions (ties by name).
  let left = total - lines.reduce((sum, line) => sum + line.amount, 0);
  const byRemainder = lines
    .filter((line) => line.keyShare > 0)
    .sort((a, b) => b.exactShare - Math.floor(b.exactShare) - (a.exactShare - Math.floor(a.exactShare)) || byName(a.name, b.name));
  for (const line of byRemainder) {
    if (left <= 0) break;
    line.amount += 1;
    line.rounding = 1;
    left -= 1;
  }
  return lines.sort((a, b) => (a.group === b.group ? byName(a.name, b.name) : a.group === CostShareGroup.REGION ? -1 : 1));
}
