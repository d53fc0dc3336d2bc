export * from './audit.ts';
export * from './identity.ts';
export * from './orgs.ts';
export * from './portal.ts';
export * from './problem.ts';
export * from './system.ts';
