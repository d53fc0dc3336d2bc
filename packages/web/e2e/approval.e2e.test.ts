import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowser, openPage, screenshot } from './browser.ts';
import { DEMO_PASSWORD, enterPassword, signInStaff } from './identity.ts';

/**
 * One-network approval end to end: a business applies for 食品经营许可 (230100-SCJG-XK-001, with
 * four eyes and verification by two), uploads its materials, answers one correction notice, and
 * the clerk, the reviewer and the approver take it to a licence; a second application is refused
 * with reasons. Each person's page is signed in once and reused (a TOTP code is good once).
 */
const BUSINESS = '91230102801781345C';
const SERVICE = '食品经营许可';

let browser: Browser;
let applicant: Page;
let clerk: Page;
let reviewer: Page;
let approver: Page;
const problems: string[] = [];
const granted = { id: '', number: '' };
const refused = { id: '', number: '' };

/** A small but well-formed PDF (header, three objects, cross-reference table, trailer). */
function tinyPdf(label: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = `%PDF-1.4\n% ${label}\n`;
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

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const REQUIRED = ['application_form', 'layout_and_equipment', 'safety_rules'];

async function upload(page: Page, slot: string, name: string, buffer: Buffer, mimeType = 'application/pdf') {
  await page.locator(`[data-slot="${slot}"] input[type=file]`).setInputFiles({ name, mimeType, buffer });
}

/** Runs an action from the case page's buttons, filling the modal's fields. */
async function act(page: Page, action: string, fields: Record<string, string> = {}, done = `已${action}`) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: '确定' }).click();
  await page.getByText(done).first().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

const stateTag = (page: Page, state: string) =>
  page.locator('.ant-card').first().locator('.ant-tag', { hasText: state }).first().waitFor();

/** Fills the service's form (rendered from its JSON Schema) for one shop. */
async function fillForm(page: Page, shop: string) {
  await page.getByLabel('经营者名称').fill(shop);
  await page.getByLabel('统一社会信用代码').fill('91230102MA1B2C3D4E');
  await page.getByLabel('法定代表人（负责人）').fill('赵四');
  await page.getByLabel('经营场所', { exact: true }).fill('哈尔滨市道里区中央大街88号');
  await page.getByLabel('主体业态').click();
  await page.locator('.ant-select-item-option', { hasText: '餐饮服务经营者' }).click();
  await page.getByLabel('热食类食品制售').check();
}

/** Submits the filled form; returns the case's id and tracking number from the receipt. */
async function submitAndOpen(page: Page, shot: string): Promise<{ id: string; number: string }> {
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('申请已提交').waitFor();
  const number = (await page.getByTestId('tracking-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^230100-\d{8}-\d{6}$/);
  expect((await page.getByTestId('lookup-code').textContent())?.trim()).toMatch(/^[0-9A-Z]{10}$/);
  await page.getByText('下一步：上传申请材料').waitFor();
  await screenshot(page, `approval-receipt-${shot}`);
  await page.getByRole('button', { name: '去上传材料' }).click();
  await page.waitForURL(/\/my\/cases\/[0-9a-f-]{36}$/);
  return { id: page.url().split('/').pop() ?? '', number };
}

async function uploadRequired(page: Page, tag: string) {
  for (const slot of REQUIRED) {
    await upload(page, slot, `${slot}-${tag}.pdf`, tinyPdf(`${slot} ${tag}`));
    await page.locator(`[data-slot="${slot}"]`).getByText(`${slot}-${tag}.pdf`).waitFor();
  }
  await page.getByText('必需材料已齐全').waitFor();
}

/** The case in the person's queue (我的待办), with the actions they may take on it now. */
async function inQueue(page: Page, number: string, action: string) {
  await page.goto(`${baseUrl}workbench/cases`);
  await page.getByRole('searchbox', { name: '搜索办件' }).fill(number);
  await page.getByRole('searchbox', { name: '搜索办件' }).press('Enter');
  await page.locator('tr.ant-table-row', { hasText: number }).getByText(action, { exact: true }).waitFor();
}

const openCase = async (page: Page, id: string) => {
  await page.goto(`${baseUrl}workbench/cases/${id}`);
  await page.locator('.ant-card').first().getByRole('heading', { name: SERVICE }).waitFor();
};

describe.skipIf(!hasBrowser)('one-network approval: 食品经营许可 from application to licence', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    applicant = (await openPage(browser)).page;
    clerk = (await openPage(browser)).page;
    reviewer = (await openPage(browser)).page;
    approver = (await openPage(browser)).page;
    for (const page of [applicant, clerk, reviewer, approver])
      page.on('pageerror', (e) => problems.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the service in 办事服务 by search and by life event, and shows its guide', async () => {
    await enterPassword(applicant, BUSINESS, DEMO_PASSWORD);
    await applicant.waitForURL(`${baseUrl}`);
    await applicant
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '办事服务' })
      .click();
    await applicant.getByRole('tab', { name: '按人生事件' }).click();
    await applicant
      .getByRole('group', { name: '按人生事件' })
      .getByText(/^开办餐饮店/)
      .click();
    await expect.poll(() => applicant.locator('.service-name').allTextContents()).toEqual([SERVICE]);
    await applicant.getByRole('searchbox', { name: '搜索事项' }).fill('食品经营');
    await applicant.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
    await applicant.locator('mark.search-hit').first().waitFor();
    const item = applicant.locator('.ant-list-item', { hasText: SERVICE });
    await item.getByText('法定时限：10 个工作日').waitFor();
    await item.getByText('承诺时限：5 个工作日').waitFor();
    await item.getByText('实施机关：哈尔滨市市场监督管理局').waitFor();
    await screenshot(applicant, 'approval-catalogue-search');
    await item.getByRole('button', { name: '办事指南' }).click();
    await applicant.getByRole('heading', { name: SERVICE, level: 2 }).waitFor();
    for (const section of [
      '设定依据',
      '申请条件',
      '办理时限',
      '办理流程',
      '申请材料',
      '收费标准',
      '办理地点与适用区域',
    ]) {
      await applicant.getByRole('heading', { name: section, level: 3 }).waitFor();
    }
    await applicant.getByText('《中华人民共和国食品安全法》第三十五条', { exact: false }).first().waitFor();
    const materials = applicant.locator('.ant-table-row');
    await expect.poll(() => materials.count()).toBe(5);
    expect(await applicant.locator('.ant-table-row', { hasText: '必需' }).count()).toBe(3);
    await applicant.getByText('两名以上工作人员核查材料实质内容').waitFor();
    await applicant.getByRole('cell', { name: '不收费', exact: true }).waitFor();
    await screenshot(applicant, 'approval-guide');
  });

  it('renders the form from its schema, keeps a draft, and files the application', async () => {
    await applicant.getByRole('button', { name: '在线申请' }).click();
    await applicant.getByRole('heading', { name: `在线申请：${SERVICE}` }).waitFor();
    await applicant.getByRole('button', { name: '提交申请' }).click();
    await applicant.getByText('申请表有 6 处需要修改').waitFor();
    expect(await applicant.getByText('此项为必填项').count()).toBe(5);
    await applicant.getByText('至少选择 1 项').waitFor();
    await fillForm(applicant, '哈尔滨市道里区红肠小馆');
    await applicant.getByLabel('统一社会信用代码').fill('12345');
    await applicant.getByRole('button', { name: '提交申请' }).click();
    await applicant.getByText('格式不正确').waitFor();
    await screenshot(applicant, 'approval-apply-errors');
    await applicant.getByText(/草稿已于 .+ 自动保存/).waitFor();
    await applicant.reload();
    await applicant.getByText(/已恢复您于 .+ 保存的草稿/).waitFor();
    expect(await applicant.getByLabel('经营者名称').inputValue()).toBe('哈尔滨市道里区红肠小馆');
    await applicant.getByLabel('统一社会信用代码').fill('91230102MA1B2C3D4E');
    await screenshot(applicant, 'approval-apply-draft');
    Object.assign(granted, await submitAndOpen(applicant, 'first'));
  });

  it('takes the materials on the case page, and refuses a format the material does not take', async () => {
    await applicant.getByText('尚缺 3 份必需材料：材料齐全后方可受理').waitFor();
    await applicant.getByText('格式：PDF、OFD').waitFor();
    await upload(applicant, 'application_form', 'photo.png', PNG, 'image/png');
    await applicant
      .locator('[data-slot="application_form"]')
      .getByText('photo.png 未能上传：该材料只接受 PDF、OFD 格式')
      .waitFor();
    await uploadRequired(applicant, 'v1');
    await applicant.getByRole('link', { name: 'application_form-v1.pdf' }).first().waitFor();
    await applicant.getByText('经营者名称').waitFor();
    await applicant.getByText('哈尔滨市道里区红肠小馆').waitFor();
    await stateTag(applicant, '待受理');
    await screenshot(applicant, 'approval-applicant-materials');
  });

  it('puts it in the clerk’s queue, who sends ONE correction notice', { timeout: 120_000 }, async () => {
    await signInStaff(clerk, 'clerk');
    await inQueue(clerk, granted.number, '受理');
    await screenshot(clerk, 'approval-clerk-queue');
    await clerk.locator('tr.ant-table-row', { hasText: granted.number }).getByRole('link').click();
    await clerk.getByRole('button', { name: '一次性告知补正' }).waitFor();
    await clerk.getByRole('link', { name: 'safety_rules-v1.pdf' }).first().waitFor();
    await act(
      clerk,
      '一次性告知补正',
      { '需要补正的全部内容（逐项列明）': '1. 平面布局图未标明粗加工区和备餐区；2. 请一并补充设备清单。' },
      '已一次性告知补正',
    );
    await stateTag(clerk, '待补正');
    expect(await clerk.getByRole('button', { name: '一次性告知补正' }).count()).toBe(0);
    await screenshot(clerk, 'approval-clerk-correction');
  });

  it('lets the applicant upload the corrected material and answer the notice', async () => {
    await applicant.reload();
    await stateTag(applicant, '待补正');
    await applicant.getByText('平面布局图未标明粗加工区和备餐区').first().waitFor();
    await upload(applicant, 'layout_and_equipment', 'layout-v2.pdf', tinyPdf('layout v2'));
    await applicant.locator('[data-slot="layout_and_equipment"]').getByText('layout-v2.pdf').waitFor();
    await act(applicant, '提交补正材料', { 补正说明: '已补充标注功能分区的平面布局图和设备清单。' });
    await stateTag(applicant, '已补正待受理');
    await screenshot(applicant, 'approval-applicant-corrected');
  });

  it('has the clerk accept it, which starts the legal and committed clocks', async () => {
    await clerk.reload();
    await clerk.getByText('已补充标注功能分区的平面布局图和设备清单。').waitFor();
    await act(clerk, '受理');
    await stateTag(clerk, '审查中');
    await clerk.locator('.ant-card-head', { hasText: '法定审批时限' }).waitFor();
    await clerk.locator('.ant-card-head', { hasText: '承诺办结时限' }).waitFor();
    expect(await clerk.getByRole('button', { name: '受理', exact: true }).count()).toBe(0);
  });

  it('needs two different verifiers before the review: reviewer, then approver', {
    timeout: 150_000,
  }, async () => {
    await signInStaff(reviewer, 'reviewer');
    await inQueue(reviewer, granted.number, '实质审查核查');
    await openCase(reviewer, granted.id);
    await act(reviewer, '实质审查核查', { 核查情况: '现场核查：功能分区与平面布局图一致。' });
    // One verifier is not enough: the review is refused until a second person has verified.
    await reviewer.getByRole('button', { name: '提交审查意见' }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByLabel('审查意见').fill('符合条件');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('须由两名以上工作人员分别完成实质审查核查后，才能提交审查意见').waitFor();
    await screenshot(reviewer, 'approval-reviewer-needs-second');
    await dialog.getByRole('button', { name: '取消' }).click();

    await signInStaff(approver, 'approver');
    await inQueue(approver, granted.number, '实质审查核查');
    await openCase(approver, granted.id);
    expect(await approver.getByRole('button', { name: '准予行政许可' }).count()).toBe(0);
    await act(approver, '实质审查核查', { 核查情况: '第二名核查人员确认设备设施齐全。' });

    await reviewer.reload();
    await act(reviewer, '提交审查意见', { 审查意见: '符合食品经营许可条件，建议准予许可。' });
    await stateTag(reviewer, '待决定');
    expect(await reviewer.getByRole('button', { name: '准予行政许可' }).count()).toBe(0);
    await screenshot(reviewer, 'approval-reviewer-reviewed');
  });

  it('lets the approver, who did not review, grant the licence', async () => {
    await inQueue(approver, granted.number, '准予行政许可');
    await screenshot(approver, 'approval-approver-queue');
    await openCase(approver, granted.id);
    await approver.getByRole('button', { name: '不予行政许可' }).waitFor();
    await act(approver, '准予行政许可', { 许可内容及附加条件: '经营项目：热食类食品制售' });
    await stateTag(approver, '准予许可（待发证）');
    await approver.getByText('文书', { exact: true }).waitFor();
    await screenshot(approver, 'approval-approver-granted');
  });

  it('shows the applicant the decision, the documents and 好差评', async () => {
    await applicant.reload();
    await stateTag(applicant, '准予许可（待发证）');
    const documents = applicant.locator('.ant-card', { has: applicant.getByText('文书', { exact: true }) });
    await documents.waitFor();
    // Issued documents (slots `document:…`) are listed with a download link each, once the server issues them.
    if ((await documents.locator('.ant-list-item').count()) > 0) {
      await documents.getByText('受理通知书', { exact: true }).waitFor();
      await documents.getByText('准予行政许可决定书', { exact: true }).waitFor();
      const href = await documents
        .getByRole('link', { name: '下载：准予行政许可决定书' })
        .getAttribute('href');
      const pdf = await applicant.request.get(new URL(href ?? '', baseUrl).toString());
      expect(pdf.headers()['content-type']).toBe('application/pdf');
    }
    const rating = applicant.locator('.ant-card', { has: applicant.getByText('好差评', { exact: true }) });
    await rating.locator('.ant-rate-star').nth(1).click();
    await rating.getByText('不满意', { exact: true }).waitFor();
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.locator('.ant-form-item-explain-error', { hasText: '请说明不满意的原因' }).waitFor();
    await screenshot(applicant, 'approval-rating-reason-required');
    await rating.locator('.ant-rate-star').nth(4).click();
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('感谢您的评价：非常满意').waitFor();
    await screenshot(applicant, 'approval-applicant-granted');
    await applicant.getByRole('button', { name: /English/ }).click();
    await applicant.getByText('Granted (licence to issue)').first().waitFor();
    await applicant.getByText('Materials', { exact: true }).waitFor();
    await screenshot(applicant, 'approval-applicant-granted-en');
    await applicant.getByRole('button', { name: /中文/ }).click();
    await applicant.getByText('申请材料', { exact: true }).waitFor();
  });

  it('refuses a second application with reasons, which the applicant reads and rates', {
    timeout: 90_000,
  }, async () => {
    const guide = await applicant.request.get(`${baseUrl}api/v1/services?q=${encodeURIComponent(SERVICE)}`);
    const serviceId = ((await guide.json()) as { items: Array<{ id: string }> }).items[0]?.id;
    await applicant.goto(`${baseUrl}apply/service/${serviceId}`);
    await fillForm(applicant, '哈尔滨市道里区夜市烧烤');
    Object.assign(refused, await submitAndOpen(applicant, 'second'));
    await uploadRequired(applicant, 'v9');

    await clerk.goto(`${baseUrl}workbench/cases/${refused.id}`);
    await act(clerk, '受理');
    await openCase(reviewer, refused.id);
    await act(reviewer, '实质审查核查', { 核查情况: '现场核查：经营场所距公共厕所约10米。' });
    await openCase(approver, refused.id);
    await act(approver, '实质审查核查', { 核查情况: '复核确认距离不足25米。' });
    await reviewer.reload();
    await act(reviewer, '提交审查意见', { 审查意见: '经营场所与污染源距离不足，建议不予许可。' });
    await approver.reload();
    const reason = '经营场所距离公共厕所不足25米，不符合《食品经营许可和备案管理办法》规定的场所条件。';
    await act(approver, '不予行政许可', { 不予许可的理由及依据: reason });
    await stateTag(approver, '不予许可');
    await approver.getByText('本办件已办结。').waitFor();
    await screenshot(approver, 'approval-approver-refused');

    await applicant.reload();
    await stateTag(applicant, '不予许可');
    await applicant.getByText(reason).first().waitFor();
    expect(await applicant.getByRole('button', { name: /^上传/ }).count()).toBe(0);
    const rating = applicant.locator('.ant-card', { has: applicant.getByText('好差评', { exact: true }) });
    await rating.locator('.ant-rate-star').nth(0).click();
    await rating.getByLabel('评价理由').fill('等待时间较长，希望现场核查前先电话告知。');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('承办部门将在规定时间内核实整改').waitFor();
    await screenshot(applicant, 'approval-applicant-refused');
  });

  it('shows the figures to the agency head and, by department, to the public', {
    timeout: 120_000,
  }, async () => {
    const { page: head } = await openPage(browser);
    head.on('pageerror', (e) => problems.push(e.message));
    await signInStaff(head, 'head');
    await head
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '统计分析' })
      .click();
    await head.getByRole('heading', { name: '行政许可统计' }).waitFor();
    await head.getByRole('cell', { name: '哈尔滨市市场监督管理局' }).waitFor();
    await head.locator('.ant-statistic', { hasText: '按时办结率' }).waitFor();
    await head.locator('canvas').nth(1).waitFor();
    const href = await head.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    const xlsx = await head.request.get(new URL(href ?? '', baseUrl).toString());
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await screenshot(head, 'approval-statistics');
    await head.getByRole('button', { name: /English/ }).click();
    await head.getByRole('heading', { name: 'Licensing figures' }).waitFor();
    await screenshot(head, 'approval-statistics-en');
    await head.context().close();

    const { page } = await openPage(browser);
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(baseUrl);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政务公开' }).click();
    await page.getByRole('link', { name: /行政许可办理情况/ }).click();
    await page.getByRole('heading', { name: '行政许可办理情况' }).waitFor();
    await page.getByRole('cell', { name: '哈尔滨市市场监督管理局' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'approval-public-statistics');
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Licensing performance' }).waitFor();
    await screenshot(page, 'approval-public-statistics-en');
    await page.context().close();
    expect(problems).toEqual([]);
  });
  it('lets the department administrator edit a service’s guide as a draft and publish it', {
    timeout: 90_000,
  }, async () => {
    const { page } = await openPage(browser);
    page.on('pageerror', (e) => problems.push(e.message));
    await signInStaff(page, 'deptadmin');
    await page
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '事项管理' })
      .click();
    const row = page.locator('tr', { hasText: '230100-SCJG-XK-002' });
    await row.getByText('第 1 版').first().waitFor();
    await screenshot(page, 'approval-admin-services');
    await row.getByRole('button', { name: /修改/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '编辑草稿：药品零售企业许可（第 2 版）' });
    await drawer.getByLabel('承诺办结时限（工作日）').fill('30');
    await drawer.getByRole('button', { name: '保存草稿' }).click();
    await drawer.getByText('承诺时限不能超过法定时限').waitFor();
    await screenshot(page, 'approval-admin-draft-error');
    await drawer.getByLabel('承诺办结时限（工作日）').fill('12');
    await drawer.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('.ant-message').getByText('草稿已保存').waitFor();
    await row.getByRole('button', { name: /发布/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-message').getByText('已发布第 2 版').waitFor();
    await row.locator('td').nth(4).getByText('第 2 版').waitFor();
    await screenshot(page, 'approval-admin-published');
    const guide = await page.request.get(`${baseUrl}api/v1/services?q=${encodeURIComponent('药品零售')}`);
    expect(
      ((await guide.json()) as { items: Array<{ committedDays: number }> }).items[0]?.committedDays,
    ).toBe(12);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
