// The tamper-evident audit trail (DESIGN §5): events become leaves of an RFC 6962 Merkle log, signed
// checkpoints are copied to a witness file, and proofs and a full verification are available to auditors.
export {
  type CheckpointExport,
  checkpointRoot,
  checkpointSignedBytes,
  exportCheckpoints,
  makeCheckpoint,
  runCheckpointer,
  signCheckpoint,
  verifyCheckpointSignature,
} from './checkpoints.ts';
export { auditLeafHash, type LeafEvent, leafContent, leafEventColumns } from './leaf.ts';
export type { AuditProblem, AuditProblemKind } from './problems.ts';
export {
  type ConsistencyProof,
  consistencyProofBetween,
  type InclusionProof,
  inclusionProofForEvent,
  storedHashRange,
} from './proofs.ts';
export { type AuditOutcome, type AuditRecord, recordEvent } from './record.ts';
export { formatAuditReport, terminalProgress } from './report.ts';
export type { ScheduleOptions } from './schedule.ts';
export { DEFAULT_BATCH, drainPending, runSequencer, sequenceBatch } from './sequencer.ts';
export {
  type CheckpointSigner,
  checkpointKeySpki,
  generateCheckpointSigner,
  keyIdOf,
  loadCheckpointPublicKey,
  loadCheckpointSigner,
  signingKeyFile,
} from './signer.ts';
export { AUDIT_LOCK_KEY, type CheckpointRecord, DamagedLogError } from './store.ts';
export { type AuditReport, type VerifyOptions, verifyAuditTrail } from './verify.ts';
export {
  appendWitness,
  readWitness,
  type WitnessContents,
  type WitnessLine,
  witnessFile,
} from './witness.ts';
