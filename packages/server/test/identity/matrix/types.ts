import type { FastifyInstance } from 'fastify';
import type { PlatformServices } from '../../../src/platform/services.ts';
import type { TestDatabase } from '../../harness/testDb.ts';

export type Who = 'anyone' | 'signed_in' | string[];
/** Ids the rows need, filled in before the matrix runs. */
export type Fixture = Record<string, string>;

export type Row = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  route: string;
  allowed: Who;
  url: (f: Fixture, caller: string) => string;
  body?: (f: Fixture, caller: string) => object;
  headers?: (f: Fixture, caller: string) => Record<string, string>;
};

/** What a group of rows may set up first: records to point at, stored in the fixture. */
export type MatrixSetup = (ctx: {
  t: TestDatabase;
  services: PlatformServices;
  app: FastifyInstance;
  fixture: Fixture;
}) => Promise<void>;
