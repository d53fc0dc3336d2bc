export { computeClock } from './computeClock.ts';
export { receiptDayOf } from './receipt.ts';
export { checkClockRule } from './settings.ts';
export type * from './types.ts';
