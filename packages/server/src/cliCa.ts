import { type Command, UsageError, withDatabase } from './cliSupport.ts';
import { loadConfig } from './config.ts';
import { checkpointKeySpki } from './platform/audit/signer.ts';
import type { Hierarchy } from './platform/ca/authority.ts';
import { initCa, SoftwareKeyStore } from './platform/ca/index.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createFieldCipher } from './platform/keys/fieldCipher.ts';
import { loadKeys } from './platform/keys/keys.ts';

export const caCommands: Record<string, Command> = {
  'ca init': {
    summary: 'create the CA: a root, an issuing CA and a time-stamp unit for SM2 and for ECDSA',
    usage: [
      'yiwang ca init [--offline-root DIR]',
      '',
      '  --offline-root DIR   write each root key, sealed with the passphrase in',
      '                       YIWANG_CA_ROOT_PASSPHRASE, to DIR/root-<suite>.key and keep it out of',
      '                       the database; store DIR offline. The root CRLs are signed now, for a year.',
      '',
      'Runs once; a second run changes nothing and says what exists. The audit checkpoint key is',
      'certified by the ECDSA issuing CA.',
    ].join('\n'),
    options: { 'offline-root': { type: 'string' } },
    run: async (flags) => {
      const config = loadConfig();
      const dir = flags['offline-root'];
      const passphrase = process.env.YIWANG_CA_ROOT_PASSPHRASE;
      if (typeof dir === 'string' && !passphrase) {
        throw new UsageError('ca init: --offline-root needs the passphrase in YIWANG_CA_ROOT_PASSPHRASE');
      }
      await withDatabase(async (owner) => {
        await migrateToLatest(owner);
        const keys = new SoftwareKeyStore(
          createFieldCipher(loadKeys(config.keySources, config.dataDir).data),
        );
        const made = await initCa(owner, keys, {
          caName: config.ca.name,
          urls: { base: config.ca.baseUrl },
          offlineRoot: typeof dir === 'string' ? { dir, passphrase: passphrase as string } : undefined,
          auditKeySpki: checkpointKeySpki(config.dataDir, config.auditSigningKeyFile),
        });
        for (const h of made) console.log(describe(h));
      });
    },
  },
};

function describe(h: Hierarchy): string {
  return [
    `${h.algorithm}:`,
    `  root     ${h.root.serial_hex}  ${h.root.subject_text}  until ${h.root.not_after.toISOString().slice(0, 10)}`,
    `  issuing  ${h.issuing.serial_hex}  ${h.issuing.subject_text}`,
    `  tsa      ${h.tsa.serial_hex}  ${h.tsa.subject_text}`,
  ].join('\n');
}
