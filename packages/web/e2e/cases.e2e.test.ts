import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowser, openPage, screenshot } from './browser.ts';
import { DEMO_CITIZEN_ID, DEMO_PASSWORD, enterPassword, signInStaff } from './identity.ts';

let browser: Browser;
let citizen: Page;
let clerk: Page;
const problems: string[] = [];
const filed = {
  title: `申请公开2026年第三季度食品抽检结果（${Date.now().toString(36)}）`,
  number: '',
  code: '',
  path: '',
};

/** Failed loads are answers the pages handle (a 404 lookup, a 409); script errors are not. */
const scriptErrors = () => problems.filter((p) => !p.includes('Failed to load resource'));

/** Chooses an option, again if a click during the dropdown's opening animation was lost (seen under CI load). */
async function pick(page: Page, label: string, option: string): Promise<void> {
  const chosen = page.locator('.ant-select-selection-item', { hasText: option }).first();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.getByLabel(label, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click();
    if (
      await chosen.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
}

describe.skipIf(!hasBrowser)('a disclosure request from application to reply', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    const a = await openPage(browser);
    const b = await openPage(browser);
    citizen = a.page;
    clerk = b.page;
    for (const page of [citizen, clerk]) page.on('pageerror', (e) => problems.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a citizen apply and shows the tracking number and the lookup code once', async () => {
    await enterPassword(citizen, DEMO_CITIZEN_ID, DEMO_PASSWORD);
    await citizen.waitForURL(`${baseUrl}`);
    await citizen.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '办事服务' }).click();
    await citizen
      .locator('.ant-card-type-inner', { hasText: '政府信息公开申请' })
      .getByRole('button', { name: '在线申请' })
      .click();
    await citizen.getByRole('heading', { name: '在线申请：政府信息公开申请' }).waitFor();
    await citizen.getByText('答复期限：20 个工作日（政府信息公开条例第33条）').waitFor();
    // Required marks hold the form back until every field is filled.
    await citizen.getByRole('button', { name: '提交申请' }).click();
    expect(await citizen.getByText('此项为必填项').count()).toBeGreaterThanOrEqual(3);
    await citizen.getByLabel('受理机关', { exact: true }).fill('市场监督');
    await citizen.locator('.ant-select-item-option', { hasText: '哈尔滨市市场监督管理局' }).first().click();
    await citizen.getByLabel('申请标题').fill(filed.title);
    await citizen
      .getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述')
      .fill('2026年第三季度哈尔滨市食品安全监督抽检结果公告');
    await pick(citizen, '获取信息的方式', '网上获取');
    await screenshot(citizen, 'cases-apply-form');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByText('申请已提交').waitFor();
    filed.number = (await citizen.getByTestId('tracking-number').textContent())?.trim() ?? '';
    filed.code = (await citizen.getByTestId('lookup-code').textContent())?.trim() ?? '';
    expect(filed.number).toMatch(/^230100-\d{8}-\d{6}$/);
    expect(filed.code).toMatch(/^[0-9A-Z]{10}$/);
    await citizen.getByText('查询码只显示这一次').waitFor();
    await screenshot(citizen, 'cases-apply-done');
    await citizen.getByRole('button', { name: '查看办件' }).click();
    await citizen.waitForURL(/\/my\/cases\/[0-9a-f-]{36}$/);
    filed.path = new URL(citizen.url()).pathname;
    await citizen.getByText(filed.number).first().waitFor();
    await citizen.locator('.ant-tag', { hasText: '已提交' }).first().waitFor();
    await citizen.getByText('依据：政府信息公开条例第33条，20 个工作日').waitFor();
  });

  it('puts the request in the clerk’s queue, who asks for a correction', async () => {
    await signInStaff(clerk, 'clerk');
    await clerk
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '我的待办' })
      .click();
    await clerk.getByRole('searchbox', { name: '搜索办件' }).fill(filed.number);
    await clerk.getByRole('searchbox', { name: '搜索办件' }).press('Enter');
    const row = clerk.locator('tr.ant-table-row', { hasText: filed.number });
    await expect.poll(() => clerk.locator('tr.ant-table-row').count()).toBe(1);
    await row.getByText('一次性告知补正').waitFor();
    await clerk.getByRole('searchbox', { name: '搜索办件' }).fill('');
    await clerk.getByRole('searchbox', { name: '搜索办件' }).press('Enter');
    await clerk.getByText(/共 \d+ 件/).waitFor();
    await screenshot(clerk, 'cases-queue');
    await row.getByRole('link').click();
    await clerk.getByRole('heading', { name: filed.title }).waitFor();
    // A second tab still shows the case as it was, to act on it after the first one has.
    const stale = await clerk.context().newPage();
    await stale.goto(clerk.url());
    await stale.getByRole('button', { name: '登记办理' }).waitFor();

    await clerk.getByRole('button', { name: '一次性告知补正' }).click();
    const dialog = clerk.getByRole('dialog');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('此项为必填项').waitFor();
    await dialog
      .getByLabel('需要补正的全部事项及合理的补正期限')
      .fill('请写明所需抽检结果涉及的食品类别，并在15日内补正。');
    await screenshot(clerk, 'cases-action-modal');
    await dialog.getByRole('button', { name: '确定' }).click();
    await clerk.getByText('已一次性告知补正').waitFor();
    await clerk.locator('.ant-tag', { hasText: '待补正' }).first().waitFor();
    await clerk.getByText('请写明所需抽检结果涉及的食品类别').waitFor();
    await clerk.getByText('已暂停').first().waitFor();
    await screenshot(clerk, 'cases-clerk-correction');

    await stale.getByRole('button', { name: '登记办理' }).click();
    await stale.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await stale.getByText('该操作当前不可执行').waitFor();
    await screenshot(stale, 'cases-stale-action');
    await stale.getByRole('button', { name: '重新加载' }).click();
    await stale.locator('.ant-tag', { hasText: '待补正' }).first().waitFor();
    expect(await stale.getByRole('button', { name: '登记办理' }).count()).toBe(0);
    await stale.close();
  });

  it('lets the citizen submit the correction', async () => {
    await citizen.goto(`${baseUrl}my/cases`);
    await citizen.locator('tr.ant-table-row', { hasText: filed.number }).getByText('待补正').waitFor();
    await citizen.locator('tr.ant-table-row', { hasText: filed.number }).getByRole('link').click();
    await citizen.getByText('请写明所需抽检结果涉及的食品类别').waitFor();
    await citizen.getByRole('button', { name: '提交补正' }).click();
    const dialog = citizen.getByRole('dialog');
    await dialog.getByLabel('补正内容').fill('所需信息为粮食加工品、乳制品和肉制品三类的抽检结果。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await citizen.getByText('已提交补正').waitFor();
    await citizen.locator('.ant-tag', { hasText: '办理中' }).first().waitFor();
    await screenshot(citizen, 'cases-citizen-corrected');
  });

  it('lets the clerk reply', async () => {
    await clerk.reload();
    await clerk.getByText('所需信息为粮食加工品、乳制品和肉制品三类的抽检结果。').waitFor();
    await clerk.getByRole('button', { name: '作出答复' }).click();
    const dialog = clerk.getByRole('dialog');
    await pick(clerk, '答复类型', '予以公开');
    await dialog.getByLabel('答复内容及理由').fill('经查，所需信息属于本机关公开范围，现予以公开，见附件。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await clerk.getByText('已作出答复').waitFor();
    await clerk.locator('.ant-tag', { hasText: '已答复' }).first().waitFor();
    await clerk.getByText('本办件已办结。').waitFor();
    await clerk.locator('.ant-timeline').getByText('予以公开', { exact: true }).waitFor();
    await screenshot(clerk, 'cases-clerk-replied');
    expect(await clerk.getByRole('button', { name: '作出答复' }).count()).toBe(0);
  });

  it('shows 已答复 on the public tracking page, and a clear message for a wrong code', async () => {
    const { page } = await openPage(browser);
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${baseUrl}tracking`);
    await page.getByLabel('办件编号').fill(filed.number);
    await page.getByLabel('查询码').fill(filed.code === 'AAAAAAAAAA' ? 'BBBBBBBBBB' : 'AAAAAAAAAA');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('未找到该办件').waitFor();
    await screenshot(page, 'cases-tracking-not-found');
    await page.getByLabel('查询码').fill(filed.code.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    const found = page.locator('.ant-card', { hasText: filed.title });
    await found.locator('.ant-tag', { hasText: '已答复' }).waitFor();
    for (const step of ['提交申请', '一次性告知补正', '提交补正', '作出答复']) {
      await found.locator('.ant-timeline').getByText(step, { exact: true }).waitFor();
    }
    await screenshot(page, 'cases-tracking-replied');
    await page.getByRole('button', { name: /English/ }).click();
    await found.locator('.ant-tag', { hasText: 'Replied' }).waitFor();
    await found.getByText('Request for government information').waitFor();
    await screenshot(page, 'cases-tracking-replied-en');
    await page.context().close();
  });

  it('tells the citizen in 我的消息 what happened, in words', async () => {
    await citizen.goto(`${baseUrl}my/inbox`);
    const item = citizen.locator('.ant-list-item', { hasText: filed.number }).first();
    await item.waitFor();
    await citizen.getByText(`办件进展：${filed.number}`).first().waitFor();
    await citizen
      .getByText(/已作出答复，当前状态：已答复/)
      .first()
      .waitFor();
    await screenshot(citizen, 'cases-inbox');
    expect(scriptErrors()).toEqual([]);
  });

  it('lets the system administrator enter a year’s holiday notice and recompute deadlines', async () => {
    const { page } = await openPage(browser);
    page.on('pageerror', (e) => problems.push(e.message));
    await signInStaff(page, 'sysadmin');
    await page
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '节假日日历' })
      .click();
    await page
      .getByRole('cell', { name: /chinese-days/ })
      .first()
      .waitFor();
    await page.getByLabel('年份').fill('2030');
    await page.getByText('2030年节假日安排尚未发布').waitFor();
    await screenshot(page, 'cases-calendar-provisional');
    await page.getByRole('button', { name: '录入2030年节假日安排' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('通知文号').fill('国办发明电〔2029〕9号');
    await dialog.getByRole('button', { name: '添加放假时段' }).click();
    await dialog.locator('.ant-picker-range').nth(0).click();
    await page.keyboard.type('2030-02-02');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2030-02-08');
    await page.keyboard.press('Enter');
    await dialog.getByPlaceholder('如 春节').nth(0).fill('春节');
    await dialog.getByRole('button', { name: '添加调休上班日' }).click();
    await dialog.locator('.ant-picker-range').nth(1).click();
    await page.keyboard.type('2030-01-26');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2030-01-26');
    await page.keyboard.press('Enter');
    await dialog.getByPlaceholder('如 春节').nth(1).fill('春节');
    await dialog.getByLabel('说明').fill('录入2030年春节安排（测试）');
    await dialog.getByRole('button', { name: '录入并重算时限' }).click();
    await page.getByText(/^已录入日历版本 notice-2030-/).waitFor();
    await page.getByText(/已按新日历重算 \d+ 个进行中的办理时限/).waitFor();
    await page.getByRole('cell', { name: '2030-02-04 春节放假' }).waitFor();
    await page.getByRole('cell', { name: '2030-01-26 春节调休上班' }).waitFor();
    await page.getByRole('cell', { name: '国办发明电〔2029〕9号' }).waitFor();
    await screenshot(page, 'cases-calendar-entered');
    await page.context().close();
  });
});
