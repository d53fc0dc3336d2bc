import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_portal.ts';
import * as m0003 from './0003_audit.ts';
import * as m0004 from './0004_orgs.ts';
import * as m0005 from './0005_identity.ts';
import * as m0006 from './0006_article_classification.ts';
import * as m0007 from './0007_cases.ts';
import * as m0008 from './0008_files.ts';
import * as m0009 from './0009_notify.ts';
import * as m0010 from './0010_services.ts';
import * as m0011 from './0011_case_spec.ts';
import * as m0012 from './0012_approval.ts';
import * as m0013 from './0013_audit_updates.ts';
import * as m0014 from './0014_document_numbers.ts';
import * as m0015 from './0015_ca.ts';

/** Ordered by name; a migration, once released, is never edited: add a new one instead. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_portal': m0002,
  '0003_audit': m0003,
  '0004_orgs': m0004,
  '0005_identity': m0005,
  '0006_article_classification': m0006,
  '0007_cases': m0007,
  '0008_files': m0008,
  '0009_notify': m0009,
  '0010_services': m0010,
  '0011_case_spec': m0011,
  '0012_approval': m0012,
  '0013_audit_updates': m0013,
  '0014_document_numbers': m0014,
  '0015_ca': m0015,
};
