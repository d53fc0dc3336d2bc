import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { DEMO_PASSWORD, listDemoAccounts } from './modules/identity/seed.ts';
import { DataDirLock, prepareDataDir } from './platform/dataDir.ts';
import { openDatabaseServer } from './platform/db/connect.ts';
import { createDb, type Db } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { OperatorError } from './platform/errors.ts';
import { createFieldCipher } from './platform/keys/fieldCipher.ts';
import { loadKeys } from './platform/keys/keys.ts';
import { createLogger } from './platform/logger.ts';
import { seedDemo } from './seed.ts';
import { type RunningPlatform, startPlatform } from './serve.ts';

type Command = { summary: string; usage: string; options: Record<string, { type: 'boolean' }>; run: Run };
type Run = (flags: Record<string, boolean | undefined>) => Promise<void>;

const commands: Record<string, Command> = {
  serve: {
    summary: 'start the platform (the embedded database unless DATABASE_URL is set)',
    usage: 'yiwang serve [--demo]\n\n  --demo   seed demo data on the first start',
    options: { demo: { type: 'boolean' } },
    run: (flags) => serve(Boolean(flags.demo)),
  },
  migrate: {
    summary: 'apply pending database migrations and exit',
    usage: 'yiwang migrate',
    options: {},
    run: () => withDatabase(async (owner) => report(await migrateToLatest(owner), 'migrations applied')),
  },
  seed: {
    summary: 'load data into the database',
    usage: 'yiwang seed --demo\n\n  --demo   the demo organisations, accounts and content (idempotent)',
    options: { demo: { type: 'boolean' } },
    run: async (flags) => {
      if (!flags.demo) throw new UsageError('seed: say what to seed; only --demo is available');
      const config = loadConfig();
      await withDatabase(async (owner, url) => {
        await migrateToLatest(owner);
        const db = createDb(url, { role: 'yiwang_app', max: 2 });
        const keys = loadKeys(config.keySources, config.dataDir);
        const services = { db, security: config.security, cipher: createFieldCipher(keys.data) };
        const result = await seedDemo(services).finally(() => db.destroy());
        const what = `${result.units} units, ${result.accounts} accounts, ${result.articles} articles`;
        console.log(result.seeded ? `demo data seeded (${what})` : 'demo data already present');
      });
    },
  },
};

class UsageError extends OperatorError {}

function report(names: string[], what: string): void {
  console.log(
    names.length === 0 ? 'nothing to do: the database is up to date' : `${what}: ${names.join(', ')}`,
  );
}

/** One-off work on the database as its owner (migrations run under no narrower role). */
async function withDatabase(work: (owner: Db, url: string) => Promise<void>) {
  const config = loadConfig();
  prepareDataDir(config.dataDir);
  const lock = config.databaseUrl ? undefined : DataDirLock.acquire(config.dataDir);
  try {
    const server = await openDatabaseServer(config);
    const owner = createDb(server.url, { max: 2 });
    try {
      await work(owner, server.url);
    } finally {
      await owner.destroy();
      await server.stop();
    }
  } finally {
    lock?.release();
  }
}

async function serve(demo: boolean): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const platform = await startPlatform(config, logger, { demo });
  printBanner(platform, config.dataDir);
  if (demo) printDemoAccounts(await listDemoAccounts(platform.services));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    await platform.stop();
    logger.info('stopped');
    logger.flush();
    process.exitCode = 0;
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function printBanner(platform: RunningPlatform, dataDir: string): void {
  const lines = [
    '',
    '  一网 Yiwang is running',
    `  Open:      ${platform.url}`,
    `  API docs:  ${platform.url}api/docs`,
    `  Database:  ${platform.databaseDescription}`,
    `  Data:      ${dataDir}`,
    '  Stop with Ctrl-C.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Demo mode only: the sign-ins a newcomer needs, with each staff account's TOTP secret. */
function printDemoAccounts(accounts: Awaited<ReturnType<typeof listDemoAccounts>>): void {
  const rows = accounts.map(
    (a) => `    ${a.login.padEnd(20)} ${a.kind.padEnd(9)} ${a.role.padEnd(25)} ${a.totpSecret ?? ''}`,
  );
  const lines = [
    `  Demo accounts (password ${DEMO_PASSWORD}; staff enter a code from an authenticator app set up with the TOTP secret):`,
    `    ${'sign in as'.padEnd(20)} ${'kind'.padEnd(9)} ${'role'.padEnd(25)} TOTP secret`,
    ...rows,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function help(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)}${c.summary}`);
  return `Usage: yiwang <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nRun "yiwang <command> --help" for a command's options. Settings come from the environment: see docs/operations.md.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"\n\n${help()}`);
  let values: Record<string, boolean | undefined>;
  try {
    const options = { ...command.options, help: { type: 'boolean' as const, short: 'h' } };
    ({ values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\nUsage: ${command.usage}`);
  }
  if (values.help) {
    console.log(`Usage: ${command.usage}`);
    return 0;
  }
  await command.run(values);
  return 0;
}

/** Expected failures are one clear line (or one line per bad setting), never a stack trace. */
function explain(error: unknown): string {
  if (error instanceof OperatorError) return error.message;
  return `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`yiwang: ${explain(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
