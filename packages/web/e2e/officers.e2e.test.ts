import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser, openPage, screenshot } from './browser.ts';
import { DEMO_PASSWORD, enterPassword, passTotpStep, signInStaff } from './identity.ts';

let browser: Browser;
let admin: Page;
const newStaff = { username: `e2e.${Date.now().toString(36)}`, name: '测试专员', password: '' };

describe.skipIf(!hasBrowser)('the security administrator’s consoles', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = (await openPage(browser)).page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in with a password and a TOTP code, and sees the menu of their role', async () => {
    await enterPassword(admin, 'secadmin', DEMO_PASSWORD);
    await admin.getByLabel('动态口令').waitFor();
    await screenshot(admin, 'login-totp-step');
    await passTotpStep(admin, 'secadmin');
    const menu = admin.getByRole('navigation', { name: '工作台菜单' });
    for (const item of ['工作台首页', '机构管理', '用户管理', '我的账号']) {
      await menu.getByRole('link', { name: item }).waitFor();
    }
    expect(await menu.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await admin.getByRole('button', { name: /林青/ }).waitFor();
    await screenshot(admin, 'workbench-secadmin');
  });

  it('browses the territorial tree down to 哈尔滨市 and its departments', async () => {
    await admin
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '机构管理' })
      .click();
    const node = (name: string) =>
      admin.getByRole('treeitem').filter({ has: admin.getByText(name, { exact: true }) });
    await node('黑龙江省').locator('.ant-tree-switcher').click();
    await node('哈尔滨市').locator('.ant-tree-switcher').click();
    await node('哈尔滨市公安局').waitFor();
    await node('哈尔滨市市场监督管理局').waitFor();
    await node('哈尔滨市').getByText('哈尔滨市', { exact: true }).click();
    await admin.getByText('230100', { exact: true }).first().waitFor();
    await screenshot(admin, 'orgs-territorial-harbin');
  });

  it('finds 公安 units and shows 哈尔滨市公安局 on the line of 黑龙江省公安厅', async () => {
    await admin.getByRole('searchbox', { name: '搜索' }).fill('公安');
    await admin.getByRole('button', { name: '搜索' }).click();
    await admin.getByText('“公安”的搜索结果').waitFor();
    await admin.locator('.ant-list-item', { hasText: '230100-GA' }).click();
    const detail = admin.locator('.ant-descriptions');
    await detail.getByText('230100-GA', { exact: true }).waitFor();
    const line = admin.locator('.ant-descriptions-row', { hasText: '条（上级业务部门）' });
    await line.getByText('黑龙江省公安厅').waitFor();
    await screenshot(admin, 'orgs-harbin-police');
  });

  it('renames a department from a date and keeps its former name', async () => {
    await admin.getByRole('searchbox', { name: '搜索' }).fill('档案');
    await admin.getByRole('button', { name: '搜索' }).click();
    await admin.locator('.ant-list-item', { hasText: '230100-DA' }).click();
    await admin.locator('.ant-descriptions').getByText('230100-DA', { exact: true }).waitFor();
    await admin.getByRole('button', { name: '更名', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('新中文名称').fill('哈尔滨市档案馆');
    await dialog.getByLabel('新英文名称').fill('Municipal Archives');
    await dialog.getByLabel('原因').fill('机构改革，档案局更名为档案馆');
    await screenshot(admin, 'orgs-rename-modal');
    await dialog.getByRole('button', { name: '更名', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const history = admin.locator('.ant-table', { hasText: '停用日期' });
    await history.getByRole('cell', { name: '哈尔滨市档案局', exact: true }).waitFor();
    await history.getByRole('cell', { name: '机构改革，档案局更名为档案馆' }).waitFor();
    await screenshot(admin, 'orgs-renamed');
  });

  it('creates a staff account and shows its initial password once', async () => {
    await admin
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '用户管理' })
      .click();
    await admin.getByRole('cell', { name: /林青/ }).waitFor();
    await admin.getByRole('button', { name: '新建工作人员账号' }).click();
    await admin.getByLabel('用户名').fill(newStaff.username);
    await admin.getByLabel('姓名', { exact: true }).fill(newStaff.name);
    await admin.getByRole('button', { name: '创建', exact: true }).click();
    await admin.getByText('初始密码只显示这一次', { exact: false }).waitFor();
    newStaff.password = (await admin.getByTestId('initial-password').textContent()) ?? '';
    expect(newStaff.password).toMatch(/^\S{12,}$/);
    await screenshot(admin, 'users-initial-password');
    await admin.getByRole('button', { name: '我已记下，关闭' }).click();
    await admin.getByRole('cell', { name: new RegExp(newStaff.username) }).waitFor();
    await screenshot(admin, 'users-list');
  });

  it('refuses a second role for an officer with the three-officer separation message', async () => {
    await admin.getByRole('row', { name: /马超/ }).getByRole('button', { name: '授予角色' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('角色').click();
    await admin.getByTitle('窗口受理人员', { exact: true }).click();
    await dialog.getByLabel('所在单位').fill('哈尔滨市公安局');
    await admin.getByTitle('哈尔滨市公安局（230100-GA）').click();
    await dialog.getByRole('button', { name: '授予角色' }).click();
    await dialog.getByText('不符合三员分立要求').waitFor();
    await dialog.getByText(/须由不同人员分别担任/).waitFor();
    await screenshot(admin, 'users-separation');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('takes the new staff member through enrolment, recovery codes and a new password', async () => {
    const { page } = await openPage(browser);
    await enterPassword(page, newStaff.username, newStaff.password);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByRole('img', { name: '身份验证器绑定二维码' }).waitFor();
    await screenshot(page, 'login-enrol-totp');
    await page.getByLabel('动态口令').fill(await generate({ secret }));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.getByText('这些恢复码只显示这一次').waitFor();
    expect(await page.getByRole('list', { name: '请保存恢复码' }).locator('li').count()).toBe(10);
    await screenshot(page, 'login-recovery-codes');
    await page.getByLabel('我已妥善保存以上恢复码').check();
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByText('首次登录或密码已到期，请设置新密码').waitFor();
    await page.getByLabel('当前密码').fill(newStaff.password);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('确认新密码').fill('short');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码至少 8 位', { exact: true }).waitFor();
    await screenshot(page, 'login-password-change');
    await page.getByLabel('新密码', { exact: true }).fill('Heilongjiang#2026');
    await page.getByLabel('确认新密码').fill('Heilongjiang#2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL(/\/workbench$/);
    await page.getByRole('heading', { name: `${newStaff.name}，您好` }).waitFor();
    await page.getByText('尚未授予岗位角色').waitFor();
    await screenshot(page, 'workbench-new-staff');
    await page.context().close();
  });

  it('keeps the organisation console to its officer', async () => {
    const { page } = await openPage(browser);
    await signInStaff(page, 'clerk');
    const menu = page.getByRole('navigation', { name: '工作台菜单' });
    await menu.getByRole('link', { name: '我的账号' }).waitFor();
    expect(await menu.getByRole('link', { name: '机构管理' }).count()).toBe(0);
    await page.goto(page.url().replace(/\/workbench$/, '/workbench/orgs'));
    await page.getByText('无权访问').waitFor();
    await page.context().close();
  });
});
