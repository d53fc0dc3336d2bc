import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowser, openPage, screenshot } from './browser.ts';

let browser: Browser;

describe.skipIf(!hasBrowser)('the public portal in a browser', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens in Chinese with the navigation of a provincial service site and the latest news', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(baseUrl);
    await expect.poll(() => page.title()).toContain('黑龙江省网上政务服务平台');
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of ['首页', '办事服务', '政务公开', '互动交流', '办件查询']) {
      await nav.getByRole('link', { name: label }).waitFor();
    }
    await page.getByText('全省一体化政务服务平台上线试运行').waitFor();
    await page.getByRole('link', { name: '工作人员入口' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(fs.existsSync(await screenshot(page, 'portal-home-zh'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('switches to English and remembers the choice', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(baseUrl);
    await page.getByRole('button', { name: /English/ }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const label of ['Home', 'Services', 'Open Government', 'Interaction', 'Track an application']) {
      await nav.getByRole('link', { name: label }).waitFor();
    }
    await page.getByText('Province-wide e-government platform enters trial operation').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Heilongjiang Online Government Services' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await screenshot(page, 'portal-home-en');
    expect(problems).toEqual([]);
  });

  it('takes a site-error report, shows the server’s field errors, then a reference number', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}feedback`);
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByText('此项为必填项').count()).toBe(3);
    await page.getByLabel('问题页面路径').fill('/services');
    await page.getByLabel('问题类型').click();
    await page.getByTitle('链接失效').click();
    await page.getByLabel('问题描述').fill('打不开');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('内容过短').waitFor();
    await page.getByLabel('问题描述').fill('办事服务页面的链接打不开，请核实。');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已收到您的纠错信息').waitFor();
    await expect.poll(() => page.getByText(/受理编号：JC-\d{8}-[A-Z0-9]{6}/).count()).toBe(1);
    await screenshot(page, 'portal-feedback-received');
  });

  it('leads staff from the portal to sign in before the workbench', async () => {
    const { page } = await openPage(browser);
    await page.goto(baseUrl);
    await page.getByRole('link', { name: '工作人员入口' }).click();
    await page.getByRole('heading', { name: '统一身份认证登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/workbench');
    await screenshot(page, 'login-password-step');
  });

  it('shows its own page for an address that does not exist', async () => {
    const { page } = await openPage(browser);
    const response = await page.goto(`${baseUrl}no-such-page`);
    expect(response?.status()).toBe(200);
    await page.getByText('页面不存在', { exact: true }).waitFor();
  });
});
