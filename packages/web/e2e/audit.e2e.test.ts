import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowser, openPage, screenshot } from './browser.ts';
import { signInStaff } from './identity.ts';

let browser: Browser;
let auditor: Page;

describe.skipIf(!hasBrowser)('the security auditor’s audit viewer', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    auditor = (await openPage(browser)).page;
    await signInStaff(auditor, 'secauditor');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the trail’s status and its own sign-in among the events', async () => {
    const menu = auditor.getByRole('navigation', { name: '工作台菜单' });
    expect(await menu.getByRole('link', { name: '机构管理' }).count()).toBe(0);
    await menu.getByRole('link', { name: '审计日志' }).click();
    await auditor.getByText('审计日志状态').waitFor();
    await auditor.getByText('事件总数').waitFor();
    await auditor.getByLabel('操作', { exact: true }).fill('auth.second_factor');
    await auditor.getByRole('button', { name: '查询' }).click();
    await auditor.getByRole('cell', { name: 'auth.second_factor' }).first().waitFor();
    await screenshot(auditor, 'audit-viewer');
  });

  it('shows a Merkle inclusion proof for a signed event', async () => {
    await auditor.getByLabel('操作', { exact: true }).fill('org_unit.insert');
    await auditor.getByRole('button', { name: '查询' }).click();
    await auditor.getByRole('cell', { name: 'org_unit.insert' }).first().waitFor();
    await auditor.getByRole('button', { name: '查看证明' }).first().click();
    await auditor.getByText('存在性证明（Merkle 包含证明）').waitFor();
    await auditor.getByText(/证明路径（\d+ 个哈希）/).waitFor();
    await screenshot(auditor, 'audit-proof');
  });

  it('offers the filtered events as a CSV download', async () => {
    await auditor.keyboard.press('Escape');
    const link = auditor.getByRole('link', { name: /导出CSV/ });
    const href = await link.getAttribute('href');
    expect(href).toContain('/api/v1/audit/events.csv');
    const csv = await auditor.evaluate(
      async (url) => (await fetch(url)).text(),
      new URL(href as string, baseUrl).toString(),
    );
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('occurredAt,actorName');
  });
});
