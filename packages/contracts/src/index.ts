export * from './portal.ts';
export * from './problem.ts';
export * from './system.ts';
