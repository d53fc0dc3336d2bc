import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { baseUrl } from './browser.ts';

/** The demo accounts' shared password, printed in the server's banner. */
export const DEMO_PASSWORD = 'Yiwang@2026';
export const DEMO_CITIZEN_ID = '230102199001011230';

const demoAccounts = inject('demoAccounts');

/** The code an authenticator app set up with this demo account's secret shows now. */
export async function demoTotp(login: string): Promise<string> {
  const secret = demoAccounts.find((a) => a.login === login)?.totpSecret;
  if (!secret) throw new Error(`no TOTP secret for ${login} in the server's banner`);
  return generate({ secret });
}

/** The password step of /login, as a person types it. */
export async function enterPassword(page: Page, identifier: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}login`);
  await page.getByLabel('账号', { exact: true }).fill(identifier);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** A demo staff member through both steps, ending in the workbench. */
export async function signInStaff(page: Page, login: string): Promise<void> {
  await enterPassword(page, login, DEMO_PASSWORD);
  await page.getByLabel('动态口令').fill(await demoTotp(login));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await page.waitForURL(/\/workbench$/);
}
