import type { createServiceSchema, materialFormats } from '@yiwang/contracts';
import type { z } from 'zod';

/** What the demo services share: formats, patterns, contacts, the agent's material. */
export type DemoService = z.input<typeof createServiceSchema> & { unitCode: string };

export type Format = (typeof materialFormats)[number];
export const PDF: Format = 'application/pdf';
export const JPEG: Format = 'image/jpeg';
export const PNG: Format = 'image/png';
export const DOCX: Format = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const OFD: Format = 'application/ofd';
export const SCANS: Format[] = [PDF, JPEG, PNG, OFD];

export const CREDIT_CODE = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';
export const SHARED = '可通过政务数据共享获取的，无需提交（《国务院关于在线政务服务的若干规定》第七条）';
export const CONTACT_SCJG =
  '哈尔滨市政务服务中心市场监管综合窗口（工作日 8:30—16:30）；咨询电话 12345 政务服务便民热线';
export const CONTACT_ZWFW =
  '哈尔滨市政务服务中心工程建设和交通运输综合窗口（工作日 8:30—16:30）；咨询电话 12345 政务服务便民热线';

export const agentMaterial = {
  slot: 'agent_authorisation',
  name: { zh: '授权委托书及代理人身份证明', en: 'Power of attorney and the agent’s identity document' },
  required: false,
  formats: SCANS,
  note: '委托他人代为办理的提交',
};
