export { computeClock } from './computeClock.ts';
export type * from './types.ts';
