// Time to render a one-page decision as PDF (GB/T 9704-2012 layout, CJK fonts subset and embedded),
// next to pdfkit flowing the same words in the same fonts with its own line breaker, in the same
// process: the ratio is what the grid layout, the rare-character fallback and the checks cost.
// `npm run bench:documents` (BENCH_RUNS=200)
import PDFDocument from 'pdfkit';
import { issue, samples } from '../packages/server/src/platform/documents/fixtures.ts';
import { prepareFonts } from '../packages/server/src/platform/documents/fonts.ts';
import { composeDocument, renderDocument } from '../packages/server/src/platform/documents/index.ts';
import { machine, saveReport } from './lib/server.ts';

const runs = Number(process.env.BENCH_RUNS ?? 200);

// A refusal to accept: a decision, with the rights to review and to sue, that fits on one page.
const code = 'licensing.refusal_to_accept';
const params = {
  ...samples[code],
  refusal: { ground: 'not_licensing_matter' },
};

async function baseline(): Promise<Buffer> {
  const { text } = composeDocument(code, 'latest', params);
  const fonts = await prepareFonts(
    [issue.issuingUnit, text.title, text.recipient, ...text.paragraphs].join(''),
  );
  const doc = new PDFDocument({ size: 'A4', margins: { top: 105, left: 79, right: 74, bottom: 80 } });
  for (const [key, bytes] of fonts.sources) doc.registerFont(key, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.font('bold').fontSize(36).fillColor('red').text(issue.issuingUnit, { align: 'center' });
  doc.font('regular').fontSize(16).fillColor('black').text(issue.documentNumber, { align: 'center' });
  doc.font('bold').fontSize(22).text(text.title, { align: 'center' });
  doc.font('regular').fontSize(16).text(`${text.recipient}：`);
  for (const p of text.paragraphs) doc.text(p, { indent: 32, lineGap: 13 });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function time(label: string, work: () => Promise<Buffer>) {
  for (let i = 0; i < 10; i++) await work(); // warm-up: fonts read, fallback decoded, JIT
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = (await work()).length;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number).toFixed(1));
  const mean = Number((ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1));
  console.log(
    `${label.padEnd(34)} mean ${mean} ms  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  ${Math.round(bytes / 1024)} KiB`,
  );
  return { mean, p50: at(0.5), p95: at(0.95), bytes };
}

const coldStart = performance.now();
const first = await renderDocument(code, 'latest', params, issue);
const cold = Number((performance.now() - coldStart).toFixed(0));
const pages = (first.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
if (pages !== 1) throw new Error(`the bench document has ${pages} pages; it should have one`);
console.log(`first document (cold: fonts, fallback font, wasm): ${cold} ms, ${pages} page(s)`);
const decision = await time('decision, GB/T 9704 layout', () =>
  renderDocument(code, 'latest', params, issue),
);
const plain = await time('baseline: pdfkit flowing the text', baseline);
const ratio = Number((decision.mean / plain.mean).toFixed(2));
console.log(`ratio layout/baseline: ${ratio}`);
saveReport('documents', {
  date: new Date().toISOString(),
  machine: machine(),
  runs,
  pages,
  coldMs: cold,
  decision,
  baseline: plain,
  ratio,
});
