import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FileScanUnavailableProblem } from './problems.ts';
import { EICAR, samples } from './samples.ts';
import { clamdScanner, noScanner, parseReply } from './scanner.ts';

type FakeClamd = { port: number; received: Buffer[]; server: Server };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Speaks clamd's zINSTREAM as clamd(8) documents it, and keeps what it was sent. */
async function fakeClamd(answer?: (stream: Buffer) => string): Promise<FakeClamd> {
  const received: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    let commandSeen = false;
    const chunks: Buffer[] = [];
    socket.on('data', (data) => {
      buffered = Buffer.concat([buffered, data]);
      if (!commandSeen) {
        const end = buffered.indexOf(0);
        if (end < 0) return;
        expect(buffered.toString('latin1', 0, end)).toBe('zINSTREAM');
        commandSeen = true;
        buffered = buffered.subarray(end + 1);
      }
      while (buffered.length >= 4) {
        const length = buffered.readUInt32BE(0);
        if (buffered.length < 4 + length) return;
        if (length === 0) {
          const stream = Buffer.concat(chunks);
          received.push(stream);
          if (answer) socket.end(`${answer(stream)}\0`);
          return;
        }
        chunks.push(buffered.subarray(4, 4 + length));
        buffered = buffered.subarray(4 + length);
      }
    });
  });
  server.on('close', () => {
    for (const s of sockets) s.destroy();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, received, server };
}

const verdictByContent = (stream: Buffer) =>
  stream.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK';

describe('the clamd scanner', () => {
  it('streams the whole file in length-prefixed chunks and reads a clean verdict', async () => {
    const clamd = await fakeClamd(verdictByContent);
    const scanner = clamdScanner({ host: '127.0.0.1', port: clamd.port, chunkBytes: 100 });
    const bytes = Buffer.concat([samples.pdf(), Buffer.alloc(1000, 7)]);
    expect(await scanner.scan(bytes)).toEqual({ clean: true, scanned: true });
    expect(clamd.received).toEqual([bytes]);
  });

  it('reports the signature clamd found', async () => {
    const clamd = await fakeClamd(verdictByContent);
    const scanner = clamdScanner({ host: '127.0.0.1', port: clamd.port });
    const bytes = Buffer.concat([samples.pdf(), Buffer.from(EICAR)]);
    expect(await scanner.scan(bytes)).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
  });

  it('scans an empty stream too', async () => {
    const clamd = await fakeClamd(verdictByContent);
    expect(await clamdScanner({ host: '127.0.0.1', port: clamd.port }).scan(Buffer.alloc(0))).toEqual({
      clean: true,
      scanned: true,
    });
  });

  it('gives up after its timeout with file_scan_unavailable', async () => {
    const silent = await fakeClamd();
    const scanner = clamdScanner({ host: '127.0.0.1', port: silent.port, timeoutMs: 150 });
    const refusal = await scanner.scan(samples.pdf()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FileScanUnavailableProblem);
    expect(refusal).toMatchObject({ status: 503, code: 'file_scan_unavailable' });
    expect((refusal as FileScanUnavailableProblem).reason).toMatch(/no verdict in 150 ms/);
  });

  it('treats an ERROR reply as no verdict', async () => {
    const clamd = await fakeClamd(() => 'INSTREAM size limit exceeded. ERROR');
    const scanner = clamdScanner({ host: '127.0.0.1', port: clamd.port });
    await expect(scanner.scan(samples.pdf())).rejects.toMatchObject({ code: 'file_scan_unavailable' });
  });

  it('treats a refused connection as no verdict, without naming the host to the client', async () => {
    const clamd = await fakeClamd();
    await new Promise((resolve) => clamd.server.close(resolve));
    servers.splice(servers.indexOf(clamd.server), 1);
    const refusal = await clamdScanner({ host: '127.0.0.1', port: clamd.port })
      .scan(samples.pdf())
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FileScanUnavailableProblem);
    expect((refusal as FileScanUnavailableProblem).extras.detail).not.toContain('127.0.0.1');
  });

  it('reads the verdict when clamd closes right after answering', async () => {
    const clamd = await fakeClamd(() => 'stream: OK');
    expect(await clamdScanner({ host: '127.0.0.1', port: clamd.port }).scan(Buffer.from('x'))).toMatchObject({
      clean: true,
    });
  });
});

describe('clamd replies', () => {
  it.each([
    ['stream: OK', { clean: true, scanned: true }],
    ['stream: Win.Test.EICAR_HDB-1 FOUND', { clean: false, signature: 'Win.Test.EICAR_HDB-1' }],
    ['stream: OK\n', { clean: true, scanned: true }],
    ['INSTREAM size limit exceeded. ERROR', undefined],
    ['stream: FOUND', undefined],
    ['', undefined],
  ])('%j', (reply, verdict) => {
    expect(parseReply(reply)).toEqual(verdict);
  });
});

it('without a scanner, files are recorded as not scanned', async () => {
  expect(await noScanner.scan(Buffer.from(EICAR))).toEqual({ clean: true, scanned: false });
});
