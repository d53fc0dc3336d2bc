import type { SecuritySettings } from '../config.ts';
import type { FieldCipher } from './crypto/index.ts';
import type { Db } from './db/database.ts';
import type { RealNameProvider } from './realName.ts';

/** What the platform hands every module: the database, the security settings, the PII cipher. */
export type PlatformServices = {
  db: Db;
  security: SecuritySettings;
  cipher: FieldCipher;
  realName: RealNameProvider;
};
