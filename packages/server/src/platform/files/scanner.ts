import { connect } from 'node:net';
import { FileScanUnavailableProblem } from './problems.ts';

/**
 * `scanned: false` is the honest answer of a platform without a scanner: the file is kept and
 * recorded as not scanned, so it can be scanned later and nobody mistakes it for checked.
 */
export type ScanVerdict = { clean: true; scanned: boolean } | { clean: false; signature: string };

export interface MalwareScanner {
  /** Throws `FileScanUnavailableProblem` when no verdict could be had: a file is never waved through. */
  scan(bytes: Buffer): Promise<ScanVerdict>;
}

export const noScanner: MalwareScanner = {
  scan: async () => ({ clean: true, scanned: false }),
};

export type ClamdOptions = {
  host: string;
  port: number;
  /** For the whole exchange; clamd scans a 20 MB PDF in well under a second. */
  timeoutMs?: number;
  chunkBytes?: number;
};

/**
 * ClamAV's daemon over TCP with the INSTREAM command (clamd(8)): `zINSTREAM\0`, then chunks each
 * prefixed by its length as a 4-byte big-endian number, then a zero length. clamd answers
 * `stream: OK`, `stream: <signature> FOUND`, or `<message> ERROR` (e.g. when the stream exceeds its
 * StreamMaxLength), each ending in NUL because of the `z` prefix.
 */
export function clamdScanner({
  host,
  port,
  timeoutMs = 30_000,
  chunkBytes = 64 * 1024,
}: ClamdOptions): MalwareScanner {
  return {
    scan: (bytes) =>
      new Promise<ScanVerdict>((resolve, reject) => {
        const replies: Buffer[] = [];
        let settled = false;
        const socket = connect({ host, port });
        const fail = (reason: string) => finish(() => reject(new FileScanUnavailableProblem(reason)));
        function finish(settle: () => void) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          socket.destroy();
          settle();
        }
        const timer = setTimeout(
          () => fail(`clamd at ${host}:${port} gave no verdict in ${timeoutMs} ms`),
          timeoutMs,
        );

        socket.on('connect', () => {
          socket.write('zINSTREAM\0');
          for (let at = 0; at < bytes.length; at += chunkBytes) {
            const chunk = bytes.subarray(at, at + chunkBytes);
            socket.write(lengthPrefix(chunk.length));
            socket.write(chunk);
          }
          socket.write(lengthPrefix(0));
        });
        socket.on('data', (data) => {
          replies.push(data);
          const reply = Buffer.concat(replies);
          const end = reply.indexOf(0);
          if (end < 0) return;
          const verdict = parseReply(reply.toString('utf8', 0, end));
          if (verdict) finish(() => resolve(verdict));
          else fail(`clamd at ${host}:${port} answered ${JSON.stringify(reply.toString('utf8', 0, end))}`);
        });
        // clamd may close early (a stream over its limit) before its reply has been read in full.
        socket.on('end', () => {
          const reply = Buffer.concat(replies).toString('utf8').replace(/\0$/, '');
          const verdict = parseReply(reply);
          if (verdict) finish(() => resolve(verdict));
          else fail(`clamd at ${host}:${port} closed the connection: ${JSON.stringify(reply)}`);
        });
        socket.on('error', (error) => fail(`clamd at ${host}:${port}: ${error.message}`));
      }),
  };
}

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return prefix;
}

/** Undefined for anything but the two verdicts: an ERROR or an unknown reply is no verdict. */
export function parseReply(reply: string): ScanVerdict | undefined {
  const text = reply.trim();
  if (text === 'stream: OK') return { clean: true, scanned: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  return found?.[1] ? { clean: false, signature: found[1] } : undefined;
}
