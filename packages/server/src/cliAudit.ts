import fs from 'node:fs';
import { type Command, UsageError, withDatabase } from './cliSupport.ts';
import { loadConfig } from './config.ts';
import {
  exportCheckpoints,
  formatAuditReport,
  keyIdOf,
  loadCheckpointPublicKey,
  signingKeyFile,
  terminalProgress,
  verifyAuditTrail,
  witnessFile,
} from './platform/audit/index.ts';

/** The exit code when the trail is damaged: apart from 1 (could not run) and 2 (usage). */
const DAMAGED = 3;

function publicKey(dataDir: string, keyFile: string | undefined): string | undefined {
  const file = keyFile ?? signingKeyFile(dataDir);
  return fs.existsSync(file) ? loadCheckpointPublicKey(dataDir, keyFile) : undefined;
}

export const auditCommands: Record<string, Command> = {
  'audit verify': {
    summary: 'recompute the audit Merkle tree, check checkpoints and the witness; exit 3 if damaged',
    usage:
      'yiwang audit verify\n\nNames the first altered, deleted or reordered event. Stop the platform first when it runs on the embedded database.',
    options: {},
    run: () =>
      withDatabase(async (owner) => {
        const config = loadConfig();
        const report = await verifyAuditTrail(owner, {
          publicKeyPem: publicKey(config.dataDir, config.auditSigningKeyFile),
          witnessFile: witnessFile(config.dataDir),
          onProgress: terminalProgress(),
        });
        console.log(formatAuditReport(report));
        if (!report.ok) process.exitCode = DAMAGED;
      }),
  },
  'audit export': {
    summary: 'write every signed checkpoint and the public key to a file for an outside auditor',
    usage: 'yiwang audit export --out FILE',
    options: { out: { type: 'string' } },
    run: async (flags) => {
      if (typeof flags.out !== 'string')
        throw new UsageError('audit export: give the file to write with --out FILE');
      const out = flags.out;
      await withDatabase(async (owner) => {
        const config = loadConfig();
        const pem = publicKey(config.dataDir, config.auditSigningKeyFile);
        if (!pem)
          throw new UsageError('audit export: this node has no checkpoint signing key yet (start it once)');
        const n = await exportCheckpoints(owner, out, { publicKeyPem: pem, keyId: keyIdOf(pem) });
        console.log(`${n} checkpoints written to ${out}`);
      });
    },
  },
};
