import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = inject('baseUrl');
const executablePath = inject('chromium');
export const hasBrowser = executablePath !== null;

export const artifactsDir = path.resolve('test-results/screenshots');

/**
 * Headless Debian chromium, launched the way this machine's closed network needs; Playwright
 * gives every launch a fresh, empty profile of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath ?? undefined,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records what the console and the network complain about, to assert none. */
export async function openPage(
  browser: Browser,
  locale = 'zh-CN',
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !isAnonymousProbe(m.text(), m.location().url)) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/**
 * Every page asks `GET /api/v1/me` who is signed in; for no one the server answers 401, which
 * Chromium logs as a failed load. That answer is expected, not a problem.
 */
function isAnonymousProbe(text: string, url: string): boolean {
  return text.includes('status of 401') && new URL(url, 'http://x').pathname === '/api/v1/me';
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
