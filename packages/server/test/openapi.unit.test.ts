import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../src/openapi.ts';

const committed = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

describe('docs/openapi.json', () => {
  it('is what the server generates now (run `npm run openapi` after changing a contract)', async () => {
    const generated = JSON.parse(JSON.stringify(await generateOpenApi()));
    expect(JSON.parse(fs.readFileSync(committed, 'utf8'))).toEqual(generated);
  });
});
