export type { Division, DivisionLevel, RetiredDivision } from './division.ts';
export { HEILONGJIANG_DIVISIONS } from './heilongjiang-divisions.ts';
export {
  childrenOf,
  findDivision,
  findRetiredDivision,
  isCurrentDivision,
  isKnownRegionCode,
} from './lookup.ts';
export { HEILONGJIANG_RETIRED_DIVISIONS } from './retired-divisions.ts';
