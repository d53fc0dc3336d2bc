// `npm run openapi`: writes docs/openapi.json, the API reference kept in the repository.
import fs from 'node:fs';
import { generateOpenApi } from '../packages/server/src/openapi.ts';

const doc = await generateOpenApi();
fs.writeFileSync('docs/openapi.json', `${JSON.stringify(doc, null, 2)}\n`);
console.log('docs/openapi.json written');
