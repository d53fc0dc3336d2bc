import type { AuditReport } from './verify.ts';

// How `yiwang audit verify` shows its work: a one-line progress indicator on a terminal, and a plain-text
// report that an operator can paste into a ticket.

/** The report as text lines: the counts, then one line per problem, then the verdict. */
export function formatAuditReport(report: AuditReport): string {
  const lines = [
    `events: ${report.events}  leaves: ${report.leaves}  pending: ${report.pending}  checkpoints: ${report.checkpoints}  witness lines: ${report.witnessLines}`,
  ];
  if (!report.signaturesChecked) lines.push('checkpoint signatures not checked: no public key was given');
  for (const p of report.problems) {
    const where = [
      p.leafIndex === undefined ? '' : ` leaf=${p.leafIndex}`,
      p.eventId === undefined ? '' : ` event=${p.eventId}`,
      p.treeSize === undefined ? '' : ` size=${p.treeSize}`,
    ].join('');
    lines.push(`PROBLEM ${p.kind}${where}: ${p.message}`);
  }
  lines.push(report.ok ? 'audit trail OK' : `audit trail NOT OK: ${report.problems.length} problem lines`);
  return lines.join('\n');
}

/**
 * A progress callback for verifyAuditTrail that redraws one line on a terminal (and stays silent elsewhere,
 * so logs and pipes get only the report).
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
): (progress: { done: number; total: number }) => void {
  return ({ done, total }) => {
    if (!stream.isTTY) return;
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    stream.write(
      `\rverifying leaves: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${percent}%)`,
    );
    if (done >= total) stream.write('\n');
  };
}
