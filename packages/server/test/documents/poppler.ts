import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm) read the PDFs back: a reader no one here
 * wrote. Debian: `apt-get install -y poppler-utils`. Missing, the suite is skipped with a warning;
 * under CI=true it fails instead.
 */
export function popplerAvailable(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    const message =
      'poppler-utils not found (install Debian\'s "poppler-utils": pdfinfo, pdftotext, pdffonts, pdftoppm)';
    if (process.env.CI === 'true') throw new Error(`documents suite: ${message}`);
    console.warn(`documents suite: SKIPPED, ${message}`);
    return false;
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-pdf-'));
let n = 0;

/** Writes the PDF to a temporary file and runs a poppler tool on it. */
export function poppler(tool: string, pdf: Buffer, args: string[] = []): string {
  const file = path.join(dir, `doc-${++n}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

export type Word = { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string };

/** The word boxes of `pdftotext -bbox`, in points from the page's top-left corner. */
export function words(pdf: Buffer): Word[] {
  const html = poppler('pdftotext', pdf, ['-bbox']);
  const out: Word[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        out.push({
          page: i + 1,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: (m[5] ?? '')
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        });
      }
    });
  return out;
}

/** The page rendered by pdftoppm as RGB pixels. */
export function pixels(
  pdf: Buffer,
  page: number,
  dpi: number,
): { width: number; height: number; rgb: Buffer } {
  const file = path.join(dir, `doc-${++n}.pdf`);
  fs.writeFileSync(file, pdf);
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], {
    maxBuffer: 256 * 1024 * 1024,
  });
  // P6 header: magic, width, height, maxval, each followed by one whitespace.
  const header = ppm
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('pdftoppm did not write a PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** Saves PNG pages for people to look at (test-results/screenshots/documents). */
export function screenshot(pdf: Buffer, name: string): void {
  const out = path.resolve('test-results/screenshots/documents');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(dir, `doc-${++n}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(out, name)]);
}
