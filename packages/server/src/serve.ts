import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { startBackgroundWork } from './background.ts';
import type { Config } from './config.ts';
import {
  type CheckpointSigner,
  drainPending,
  loadCheckpointSigner,
  runCheckpointer,
  runSequencer,
  witnessFile,
} from './platform/audit/index.ts';
import { checkpointKeySpki } from './platform/audit/signer.ts';
import { openCa } from './platform/ca/index.ts';
import { DataDirLock, prepareDataDir } from './platform/dataDir.ts';
import { openDatabaseServer } from './platform/db/connect.ts';
import { createDb } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { OperatorError } from './platform/errors.ts';
import { openFileStore } from './platform/files/index.ts';
import { createFieldCipher } from './platform/keys/fieldCipher.ts';
import { verifyDataKey } from './platform/keys/keyCheck.ts';
import { loadKeys } from './platform/keys/keys.ts';
import { windowCheckOnly } from './platform/realName.ts';
import type { PlatformServices } from './platform/services.ts';
import { seedBase, seedDemo } from './seed.ts';

export class StartupError extends OperatorError {}

export type RunningPlatform = {
  app: FastifyInstance;
  services: PlatformServices;
  url: string;
  databaseDescription: string;
  stop(): Promise<void>;
};

/**
 * Starts the platform: data folder, keys, database, migrations, demo data, HTTP. Whatever was
 * started before a failure is stopped again, so a failed start leaves nothing running.
 */
export async function startPlatform(
  config: Config,
  logger: Logger,
  opts: { demo: boolean },
): Promise<RunningPlatform> {
  const undo: Undo = [];
  try {
    prepareDataDir(config.dataDir);
    const keys = loadKeys(config.keySources, config.dataDir);
    const signer = loadCheckpointSigner(config.dataDir, config.auditSigningKeyFile);
    if (!config.databaseUrl) {
      const lock = DataDirLock.acquire(config.dataDir);
      undo.push(() => lock.release());
    }
    const server = await openDatabaseServer({ ...config, fast: config.embeddedPgFast });
    undo.push(() => server.stop());
    await prepareSchema(server.url, keys.data, logger);
    const db = createDb(server.url, { role: 'yiwang_app' });
    undo.push(() => db.destroy());
    startAuditLoops(server.url, signer, config, logger, undo);
    const services: PlatformServices = {
      realName: windowCheckOnly,
      db,
      security: config.security,
      cipher: createFieldCipher(keys.data),
    };
    await seedBase(db);
    if (opts.demo) {
      const files = openFileStore(config.files, services.cipher, db);
      const ca = openCa(services, config.ca, files);
      const auditKeySpki = checkpointKeySpki(config.dataDir, config.auditSigningKeyFile);
      const report = await seedDemo(services, files, { ca, auditKeySpki });
      if (report.seeded) logger.info(report, 'demo data seeded');
    }
    const app = await buildApp({ config, services, logger });
    undo.push(() => app.close());
    undo.push(startBackgroundWork(services, config, logger));
    await listen(app, config);
    const url = publicUrl(app, config);
    return {
      app,
      services,
      url,
      databaseDescription: server.description,
      stop: () => stopPlatform(app, undo, config.shutdownTimeoutMs),
    };
  } catch (error) {
    await runUndo(undo);
    throw error;
  }
}

/**
 * The sequencer turns committed audit events into Merkle leaves every second; checkpoints are
 * signed on a schedule and copied to the witness file. At shutdown (undo runs in reverse) the
 * loops stop after the app has closed, and what is still pending is sequenced.
 */
function startAuditLoops(
  url: string,
  signer: CheckpointSigner,
  config: Config,
  logger: Logger,
  undo: Undo,
): void {
  const seqDb = createDb(url, { role: 'yiwang_sequencer', max: 2 });
  undo.push(() => seqDb.destroy());
  const stop = new AbortController();
  const loops = [
    runSequencer(seqDb, {
      intervalMs: 1_000,
      signal: stop.signal,
      onError: (err) => logger.error({ err }, 'audit sequencer failed'),
    }),
    runCheckpointer(seqDb, signer, witnessFile(config.dataDir), {
      intervalMs: config.auditCheckpointSeconds * 1000,
      signal: stop.signal,
      onError: (err) => logger.error({ err }, 'audit checkpoint failed'),
      onCheckpoint: (c) =>
        logger.info({ treeSize: c.treeSize, rootHash: c.rootHash }, 'audit checkpoint signed'),
    }),
  ];
  undo.push(async () => {
    stop.abort();
    await Promise.all(loops);
    await drainPending(seqDb);
  });
}

/** Migrations run as the owner, on a pool of their own that is closed before serving. */
async function prepareSchema(url: string, dataKey: Buffer, logger: Logger): Promise<void> {
  const owner = createDb(url, { max: 2 });
  try {
    const applied = await migrateToLatest(owner);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    await verifyDataKey(owner, dataKey);
  } finally {
    await owner.destroy();
  }
}

async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError(
        `port ${config.port} on ${config.host} is already in use: set PORT to a free port`,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new StartupError(`HOST ${config.host} is not an address of this machine`);
    }
    throw error;
  }
}

function publicUrl(app: FastifyInstance, config: Config): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/** In-flight requests finish (up to the timeout), then the database stops, then the lock goes. */
async function stopPlatform(app: FastifyInstance, undo: Undo, timeoutMs: number): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), timeoutMs);
  try {
    await runUndo(undo);
  } finally {
    clearTimeout(timer);
  }
}

type Undo = Array<() => Promise<void> | void>;

async function runUndo(undo: Undo): Promise<void> {
  for (const step of [...undo].reverse()) await step();
}
