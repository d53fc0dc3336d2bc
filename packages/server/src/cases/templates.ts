import type { NotificationTemplates } from '../platform/notify/templates.ts';

type Params = Record<string, unknown>;
const label = (v: unknown, lang: 'zh' | 'en') =>
  (v as { zh?: string; en?: string } | undefined)?.[lang] ?? '';
const when = (v: unknown) =>
  typeof v === 'string'
    ? new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
    : '';

/** How the engine's messages read in SMS and e-mail; the inbox renders the same codes itself. */
export const caseTemplates: NotificationTemplates = {
  'case.action': {
    zh: (p: Params) => ({
      subject: `办件进展：${p.trackingNumber}`,
      text: `您的办件“${p.title}”（${p.trackingNumber}）：${label(p.actionLabel, 'zh')}，当前状态：${label(p.stateLabel, 'zh')}。`,
    }),
    en: (p: Params) => ({
      subject: `Case update: ${p.trackingNumber}`,
      text: `Your case "${p.title}" (${p.trackingNumber}): ${label(p.actionLabel, 'en')}. Now: ${label(p.stateLabel, 'en')}.`,
    }),
  },
  'case.due_soon': {
    zh: (p: Params) => ({
      subject: `临近办理时限：${p.trackingNumber}`,
      text: `办件“${p.title}”（${p.trackingNumber}）将于${when(p.dueAt)}到期，请及时办理。`,
    }),
  },
  'case.escalated': {
    zh: (p: Params) => ({
      subject: `超期督办：${p.trackingNumber}`,
      text: `办件“${p.title}”（${p.trackingNumber}）已于${when(p.dueAt)}超过法定时限，已转督办。`,
    }),
  },
};
