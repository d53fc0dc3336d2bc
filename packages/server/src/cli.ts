import { parseArgs } from 'node:util';
import { auditCommands } from './cliAudit.ts';
import { caCommands } from './cliCa.ts';
import { type Command, type Flags, UsageError, withDatabase } from './cliSupport.ts';
import { loadConfig } from './config.ts';
import { DEMO_PASSWORD, listDemoAccounts } from './modules/identity/seed.ts';
import { createDb } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { OperatorError } from './platform/errors.ts';
import { createFieldCipher } from './platform/keys/fieldCipher.ts';
import { loadKeys } from './platform/keys/keys.ts';
import { createLogger } from './platform/logger.ts';
import { windowCheckOnly } from './platform/realName.ts';
import { seedDemo } from './seed.ts';
import { type RunningPlatform, startPlatform } from './serve.ts';

const commands: Record<string, Command> = {
  ...auditCommands,
  ...caCommands,
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
        const services = {
          db,
          security: config.security,
          cipher: createFieldCipher(keys.data),
          realName: windowCheckOnly,
        };
        const result = await seedDemo(services).finally(() => db.destroy());
        const what = `${result.units} units, ${result.accounts} accounts, ${result.articles} articles`;
        console.log(result.seeded ? `demo data seeded (${what})` : 'demo data already present');
      });
    },
  },
};

function report(names: string[], what: string): void {
  console.log(
    names.length === 0 ? 'nothing to do: the database is up to date' : `${what}: ${names.join(', ')}`,
  );
}

/**
 * Signals are taken from the first moment: a Ctrl-C during start-up lets the start finish its
 * step and then stops everything it started, the embedded database included.
 */
async function serve(demo: boolean): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  let platform: RunningPlatform | undefined;
  let signalled: string | undefined;
  let stopped: Promise<void> | undefined;
  const stop = (signal: string) => {
    signalled ??= signal;
    if (!platform || stopped) return;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    stopped = platform.stop().then(() => {
      logger.info('stopped');
      logger.flush();
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  platform = await startPlatform(config, logger, { demo });
  if (signalled) return stop(signalled);
  printBanner(platform, config.dataDir);
  if (demo) printDemoAccounts(await listDemoAccounts(platform.services));
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
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`);
  return `Usage: yiwang <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nRun "yiwang <command> --help" for a command's options. Settings come from the environment: see docs/operations.md.`;
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...others] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    console.log(help());
    return first ? 0 : 2;
  }
  // Two-word commands (`audit verify`) before one-word ones.
  const twoWords = `${first} ${others[0] ?? ''}`;
  const name = commands[twoWords] ? twoWords : first;
  const rest = commands[twoWords] ? others.slice(1) : others;
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${first}"\n\n${help()}`);
  let values: Flags;
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
