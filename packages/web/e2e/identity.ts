import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { baseUrl } from './browser.ts';

/** The demo accounts' shared password, printed in the server's banner. */
export const DEMO_PASSWORD = 'Yiwang@2026';
export const DEMO_CITIZEN_ID = '230102199001011230';

const demoAccounts = inject('demoAccounts');

/**
 * The code an authenticator app set up with this demo account's secret shows now, or `stepsAhead`
 * 30-second steps later (the server takes one step of clock drift either side, and refuses a step
 * already used: a second confirmation right after signing in needs the next step's code).
 */
export async function demoTotp(login: string, stepsAhead = 0): Promise<string> {
  const secret = demoAccounts.find((a) => a.login === login)?.totpSecret;
  if (!secret) throw new Error(`no TOTP secret for ${login} in the server's banner`);
  if (stepsAhead === 0) return generate({ secret });
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** The password step of /login, as a person types it. */
export async function enterPassword(page: Page, identifier: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}login`);
  await page.getByLabel('账号', { exact: true }).fill(identifier);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

const USED = '动态口令或恢复码不正确，或已使用过';

/** Milliseconds until the next 30-second TOTP step begins, and a little more. */
const untilNextStep = () => 30_000 - (Date.now() % 30_000) + 500;

/**
 * A demo staff member through both steps, ending in the workbench. A code is good once: when an
 * earlier test file signed the same account in during this 30-second step, the code of the next
 * step is used.
 */
export async function signInStaff(page: Page, login: string): Promise<void> {
  await enterPassword(page, login, DEMO_PASSWORD);
  await passTotpStep(page, login);
}

/** The TOTP step of /login for a demo staff member, waiting for the next step if this one's code was used. */
export async function passTotpStep(page: Page, login: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await page.getByLabel('动态口令').fill(await demoTotp(login));
    await page.getByText(USED).waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '验证', exact: true }).click();
    const outcome = await Promise.race([
      page.waitForURL(/\/workbench$/).then(
        () => 'in' as const,
        () => 'timeout' as const,
      ),
      page
        .getByText(USED)
        .waitFor()
        .then(
          () => 'used' as const,
          () => 'timeout' as const,
        ),
    ]);
    if (outcome === 'in') return;
    if (outcome === 'timeout' || attempt === 2) throw new Error(`${login} could not sign in (${outcome})`);
    await page.waitForTimeout(untilNextStep());
  }
}
