import { createPublicKey, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckpointExport,
  checkpointKeySpki,
  drainPending,
  exportCheckpoints,
  makeCheckpoint,
  recordEvent,
  verifyCheckpointSignature,
} from '../../src/platform/audit/index.ts';
import { initCa, SoftwareKeyStore } from '../../src/platform/ca/index.ts';
import { describeCertificate, fromPem, verifyChain } from '../../src/platform/ca/pki/x509/index.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { createFieldCipher } from '../../src/platform/keys/fieldCipher.ts';
import { type AuditTestBed, createAuditTestBed } from '../audit/kit.ts';

/**
 * The audit trail's checkpoints are signed with a key the CA centre certifies: an outside auditor
 * gets the checkpoints, the platform certificate and its chain, and checks both with no help from us.
 */

let bed: AuditTestBed;
beforeAll(async () => {
  bed = await createAuditTestBed();
});
afterAll(() => bed.destroy());

describe('audit checkpoints and the CA', () => {
  it('are signed by a key that the ECDSA issuing CA certified as the platform’s', async () => {
    const keys = new SoftwareKeyStore(createFieldCipher(randomBytes(32)));
    const spki = checkpointKeySpki(bed.dataDir) as Buffer;
    expect(spki).toBeInstanceOf(Buffer);
    const [, ecdsa] = await initCa(bed.owner, keys, {
      caName: '测试认证中心',
      urls: { base: 'http://localhost' },
      auditKeySpki: spki,
    });
    await inTransaction(bed.db, {}, (tx) => recordEvent(tx, { action: 'test.event', outcome: 'success' }));
    await drainPending(bed.seq);
    expect(await makeCheckpoint(bed.seq, bed.signer, bed.witness)).not.toBeNull();
    const file = path.join(bed.dataDir, 'export.json');
    await exportCheckpoints(bed.db, file, bed.signer);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as CheckpointExport;
    expect(exported.certificates).toHaveLength(3);
    const [leaf, issuing, root] = exported.certificates.map((pem) => fromPem(pem));
    const info = describeCertificate(leaf as Buffer);
    expect(info.subjectText).toContain('审计日志签名');
    expect(info.spki.equals(spki)).toBe(true);
    expect(root?.equals(ecdsa?.root.der as Buffer)).toBe(true);
    const chain = verifyChain({
      certificate: leaf as Buffer,
      intermediates: [issuing as Buffer],
      trustAnchors: [root as Buffer],
      at: new Date(),
    });
    expect(chain.problems).toEqual([]);
    const certifiedKey = createPublicKey({ key: info.spki, format: 'der', type: 'spki' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    for (const checkpoint of exported.checkpoints)
      expect(verifyCheckpointSignature(checkpoint, certifiedKey)).toBe(true);
  });
});
