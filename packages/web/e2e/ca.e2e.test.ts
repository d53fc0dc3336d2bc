import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowser, openPage, screenshot } from './browser.ts';
import { DEMO_PASSWORD, demoTotp, signInStaff } from './identity.ts';

/**
 * The CA centre in a browser: anyone verifies a sealed document by its code or its file; the
 * security administrator sees the two hierarchies and the units' seal certificates, issues and
 * revokes one; the seal keeper of 哈尔滨市市场监督管理局 seals a waiting document with a fresh
 * password and TOTP confirmation. The keeper signs in once: the seal then takes the next step's
 * code, as the one used to sign in cannot be used again.
 */
const UNIT = '哈尔滨市市场监督管理局';
const CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;

type SealRequestRow = {
  id: string;
  title: string;
  documentNumber: string;
  unitName: string;
  verificationCode: string | null;
};

let browser: Browser;
let keeper: Page;
let admin: Page;
const keeperProblems: string[] = [];

/** A small but well-formed PDF with no signature in it. */
function plainPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The keeper's own list, through the API with the keeper's session. */
async function sealRequests(status: 'pending' | 'sealed'): Promise<SealRequestRow[]> {
  const response = await keeper.request.get(`${baseUrl}api/v1/seal-requests?status=${status}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: SealRequestRow[] }).items;
}

async function sealedDemoDocument(): Promise<SealRequestRow & { verificationCode: string }> {
  const sealed = (await sealRequests('sealed')).find((r) => r.verificationCode);
  if (!sealed?.verificationCode) throw new Error('the demo data has no sealed document');
  return { ...sealed, verificationCode: sealed.verificationCode };
}

const result = (page: Page) => page.locator('[data-verdict]');

/** No table still loading, and its fade-in done, so the screenshot shows what a person sees. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  await page.waitForTimeout(500);
}

describe.skipIf(!hasBrowser)('the CA centre: verification, certificates and sealing', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    keeper = (await openPage(browser)).page;
    keeper.on('pageerror', (e) => keeperProblems.push(e.message));
    await signInStaff(keeper, 'sealkeeper');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a sealed document’s result from its code, as its QR code does, and knows an unknown code', async () => {
    const sealed = await sealedDemoDocument();
    expect(sealed.verificationCode).toMatch(CODE);
    const { page, problems } = await openPage(browser);
    await page.goto(`${baseUrl}verify?code=${sealed.verificationCode.toLowerCase()}`);
    await page.getByRole('heading', { name: '文书验证', level: 2 }).waitFor();
    await result(page).getByText('签章有效', { exact: true }).waitFor();
    expect(await result(page).getAttribute('data-verdict')).toBe('valid');
    await result(page).getByText(UNIT, { exact: true }).first().waitFor();
    await result(page).getByText('完整，签章后未被改动').waitFor();
    await result(page).getByText(sealed.documentNumber, { exact: true }).waitFor();
    await result(page)
      .getByText(/（北京时间，以可信时间戳为准）$/)
      .waitFor();
    expect(await page.getByRole('textbox', { name: '验证码' }).inputValue()).toBe(sealed.verificationCode);
    await screenshot(page, 'ca-verify-code');

    await page.getByRole('textbox', { name: '验证码' }).fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: '验证' }).click();
    await result(page).getByText('验证码不存在', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('code')).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await screenshot(page, 'ca-verify-unknown');

    await page.getByRole('textbox', { name: '验证码' }).fill('not a code');
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByText('验证码为 16 位字母或数字').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('checks an uploaded PDF: the sealed copy is valid, an unsigned one is said to be unsigned', async () => {
    const sealed = await sealedDemoDocument();
    const pdf = await keeper.request.get(`${baseUrl}api/v1/seal-requests/${sealed.id}/document`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const { page, problems } = await openPage(browser);
    await page.goto(baseUrl);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '文书验证' }).click();
    await page.getByRole('tab', { name: '上传 PDF 文件' }).click();
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'sealed.pdf', mimeType: 'application/pdf', buffer: await pdf.body() });
    await result(page).getByText('签章有效', { exact: true }).waitFor();
    await result(page).getByText('已验证的文件：sealed.pdf').waitFor();
    await result(page).getByText(sealed.verificationCode, { exact: true }).waitFor();
    await input.setInputFiles({ name: 'plain.pdf', mimeType: 'application/pdf', buffer: plainPdf() });
    await result(page).getByText('文件未签章', { exact: true }).waitFor();
    await screenshot(page, 'ca-verify-unsigned');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the security administrator both hierarchies and the unit’s seal certificate', async () => {
    const opened = await openPage(browser);
    admin = opened.page;
    const { page, problems } = opened;
    await signInStaff(page, 'secadmin');
    // Another file may have used secadmin's code of this 30 s step: the refused first try is a 400.
    problems.length = 0;
    await page
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '证书管理' })
      .waitFor();
    await page.goto(`${baseUrl}admin/ca`);
    await page.waitForURL(/\/workbench\/ca$/);
    await page.getByRole('heading', { name: '证书管理', level: 2 }).waitFor();
    await page.locator('[data-algorithm="SM2-SM3"]').getByText('SM2 / SM3（国密） 证书体系').waitFor();
    await page
      .locator('[data-algorithm="ECDSA-P256-SHA256"]')
      .getByText(/ECDSA P-256/)
      .first()
      .waitFor();
    await page.locator('[data-algorithm="SM2-SM3"]').getByRole('link', { name: '下载 CRL' }).waitFor();
    const sealRow = page.locator('tr.ant-table-row', { hasText: UNIT }).filter({ hasText: '电子印章' });
    await sealRow.first().waitFor();
    await sealRow.first().getByText('有效', { exact: true }).waitFor();
    await settled(page);
    await screenshot(page, 'ca-admin');
    expect(problems).toEqual([]);
  });

  it('lets the security administrator issue a staff certificate and revoke it with a reason', async () => {
    const page = admin;
    await page.getByRole('button', { name: '签发证书' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('工作人员签名证书').click();
    await dialog.getByLabel('持有人').fill('王晓红');
    await page.locator('.ant-select-item-option', { hasText: '王晓红' }).click();
    await dialog.getByRole('button', { name: '签发', exact: true }).click();
    await page.getByText(/^已签发证书，序列号 [0-9a-f]+$/).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('searchbox', { name: '搜索证书' }).fill('王晓红');
    await page.getByRole('searchbox', { name: '搜索证书' }).press('Enter');
    const row = page.locator('tr.ant-table-row', { hasText: '王晓红' }).filter({ hasText: '有效' }).first();
    await row.getByRole('button', { name: '吊销' }).click();
    await dialog.getByText('吊销立即生效且不可撤销').waitFor();
    await dialog.getByLabel('吊销原因').click();
    await page.locator('.ant-select-item-option', { hasText: '已被新证书取代' }).click();
    await dialog.getByRole('button', { name: '吊销', exact: true }).click();
    await dialog.getByText('请勾选确认').waitFor();
    await dialog.getByText('我已核实，确认吊销此证书').click();
    await dialog.getByRole('button', { name: '吊销', exact: true }).click();
    await page.getByText('证书已吊销', { exact: true }).waitFor();
    await page.locator('tr.ant-table-row', { hasText: '王晓红' }).getByText('已吊销').first().waitFor();
    await screenshot(page, 'ca-admin-revoked');
  });

  it('lets the seal keeper seal a waiting document with password and TOTP code, giving its code', async () => {
    const before = await sealRequests('pending');
    expect(before.length).toBeGreaterThan(0);
    await keeper.goto(`${baseUrl}workbench`);
    await keeper
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '待用印' })
      .click();
    await keeper.getByRole('heading', { name: '待用印', level: 2 }).waitFor();
    const first = before[0] as SealRequestRow;
    const row = keeper.locator('tr.ant-table-row', { hasText: first.documentNumber });
    await row.getByText(UNIT).waitFor();
    await settled(keeper);
    await screenshot(keeper, 'ca-seals');
    await row.getByRole('button', { name: '加盖电子印章' }).click();
    const dialog = keeper.getByRole('dialog');
    await dialog.getByText('每加盖一次，都要重新输入登录密码和身份验证器上的 6 位动态口令').waitFor();
    await dialog.getByLabel('登录密码').fill('not the password');
    await dialog.getByLabel('动态口令').fill('000000');
    await dialog.getByRole('button', { name: '确认用印' }).click();
    await dialog.getByText('当前密码不正确').waitFor();
    await dialog.getByLabel('登录密码').fill(DEMO_PASSWORD);
    await dialog.getByLabel('动态口令').fill(await demoTotp('sealkeeper', 1));
    await screenshot(keeper, 'ca-seals-affix');
    await dialog.getByRole('button', { name: '确认用印' }).click();
    await dialog.getByText('文书已签署，验证码如下').waitFor();
    const code = (await keeper.getByTestId('verification-code').textContent())?.trim() ?? '';
    expect(code).toMatch(CODE);
    await screenshot(keeper, 'ca-seals-done');
    const href = await dialog.getByRole('link', { name: '打开验证页面' }).getAttribute('href');
    expect(href).toBe(`/verify?code=${code}`);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect.poll(async () => (await sealRequests('pending')).some((r) => r.id === first.id)).toBe(false);
    expect((await sealRequests('sealed')).find((r) => r.id === first.id)?.verificationCode).toBe(code);

    await keeper.getByRole('tab', { name: '已用印' }).click();
    await keeper.locator('tr.ant-table-row', { hasText: code }).waitFor();
    await keeper.goto(new URL(href ?? '', baseUrl).toString());
    await result(keeper).getByText('签章有效', { exact: true }).waitFor();
    await result(keeper).getByText(first.documentNumber, { exact: true }).waitFor();
    expect(keeperProblems).toEqual([]);
  });
});
