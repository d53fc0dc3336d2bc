import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowser, openPage, screenshot } from './browser.ts';
import { DEMO_CITIZEN_ID, DEMO_PASSWORD, enterPassword } from './identity.ts';

let browser: Browser;

/** A valid resident ID number for a test person: 道里区, born on the given day. */
function idNumber(birth: string, seq: string): string {
  const body = `230102${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return body + ('10X98765432'[sum % 11] ?? '');
}

async function signInCitizen(page: Page): Promise<void> {
  await enterPassword(page, DEMO_CITIZEN_ID, DEMO_PASSWORD);
  await page.waitForURL(`${baseUrl}`);
}

describe.skipIf(!hasBrowser)('signing in, registering and one’s own account', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('answers a wrong password and an unknown account with the same neutral message', async () => {
    const { page, problems } = await openPage(browser);
    await enterPassword(page, 'publisher', 'not-the-password');
    const neutral = page.getByText('用户名或密码错误，或账号已被临时锁定');
    await neutral.waitFor();
    await screenshot(page, 'login-wrong-password');
    await page.getByLabel('账号', { exact: true }).fill('no-such-person');
    await page.getByLabel('密码', { exact: true }).fill('whatever');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    expect((await answer).status()).toBe(401);
    await neutral.waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    await page.context().close();
  });

  it('signs in in English too', async () => {
    const { page } = await openPage(browser, 'en-US');
    await page.goto(`${baseUrl}login`);
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.getByLabel('Account', { exact: true }).fill('statistician');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Wrong account or password, or the account is temporarily locked').waitFor();
    await screenshot(page, 'login-en');
    await page.context().close();
  });

  it('registers a person, giving the ID check-digit reason in Chinese before it succeeds', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}login`);
    await page.getByRole('link', { name: '注册个人或法人账号' }).click();
    const id = idNumber('19850612', `${Math.floor(Math.random() * 900) + 100}`);
    const wrong = `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;
    await page.getByLabel('真实姓名').fill('李小梅');
    await page.getByLabel('居民身份证号码').fill(wrong);
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByLabel('新密码', { exact: true }).fill('Harbin@2026');
    await page.getByLabel('确认新密码').fill('Harbin@2026');
    await page.locator('form').getByRole('button', { name: '注册', exact: true }).click();
    await page.getByText('身份证号码校验码不正确，号码可能有误').waitFor();
    await screenshot(page, 'register-id-error');
    await page.getByLabel('居民身份证号码').fill(id);
    await page.locator('form').getByRole('button', { name: '注册', exact: true }).click();
    await page.getByText('注册成功').waitFor();
    await page.getByText(/自主申报/).waitFor();
    await screenshot(page, 'register-done');
    await page.getByRole('button', { name: '去登录' }).click();
    await enterPassword(page, id, 'Harbin@2026');
    await page.getByRole('button', { name: /李小梅/ }).waitFor();
    await page.context().close();
  });

  it('shows a signed-in person’s name in the portal, with 我的账号 and 退出登录', async () => {
    const { page } = await openPage(browser);
    await signInCitizen(page);
    await page.getByRole('button', { name: /张三/ }).click();
    await page.getByRole('menuitem', { name: '我的账号' }).waitFor();
    await page.getByRole('menuitem', { name: '退出登录' }).waitFor();
    expect(await page.getByRole('link', { name: '工作人员入口' }).count()).toBe(0);
    await screenshot(page, 'portal-signed-in');
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('link', { name: '工作人员入口' }).waitFor();
    await page.context().close();
  });

  it('lists the account’s sessions and ends them all', async () => {
    const other = (await openPage(browser)).page;
    await signInCitizen(other);
    const { page } = await openPage(browser);
    await signInCitizen(page);
    await page.goto(`${baseUrl}account`);
    await page.getByText('230102********1230').waitFor();
    await page.getByText('当前会话').waitFor();
    await expect
      .poll(() => page.locator('.ant-card', { hasText: '登录会话' }).locator('tbody tr').count())
      .toBeGreaterThanOrEqual(2);
    await screenshot(page, 'account-sessions');
    await page.getByRole('button', { name: '结束全部会话' }).click();
    await page.getByText('将退出您在所有设备上的登录').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '结束全部会话' }).click();
    await page.waitForURL(/\/login/);
    await other.goto(`${baseUrl}account`);
    await other.getByLabel('账号', { exact: true }).waitFor();
    expect(new URL(other.url()).pathname).toBe('/login');
    expect(new URL(other.url()).searchParams.get('next')).toBe('/account');
    await Promise.all([page.context().close(), other.context().close()]);
  });
});
