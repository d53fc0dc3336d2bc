#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so a checkout needs no separate build of the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
