import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_portal.ts';

/** Ordered by name; a migration, once released, is never edited: add a new one instead. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_portal': m0002,
};
