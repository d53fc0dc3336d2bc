import type { NotificationParams } from '../db/tables/notify.ts';

export type RenderedMessage = { subject: string; text: string };
export type Renderer = (params: NotificationParams) => RenderedMessage;

/** How one code reads in e-mail and SMS; Chinese always, English where a module provides it. */
export type NotificationTemplate = { zh: Renderer; en?: Renderer };

/**
 * Each module contributes the texts of its own codes (the platform knows no module); the
 * composition root merges them and hands the registry to the dispatcher.
 */
export type NotificationTemplates = Readonly<Record<string, NotificationTemplate>>;

const SITE = '一网政务平台';

function generic(code: string): RenderedMessage {
  return { subject: `${SITE}通知`, text: `您有一条新的通知（${code}），请登录${SITE}查看。` };
}

/**
 * The text to send for a code. An unknown code, or a template that fails on the stored
 * parameters (say, an older row missing a newer field), still tells the person to look.
 */
export function renderNotification(
  templates: NotificationTemplates,
  code: string,
  params: NotificationParams,
): { zh: RenderedMessage; en?: RenderedMessage } {
  const template = Object.hasOwn(templates, code) ? templates[code] : undefined;
  if (!template) return { zh: generic(code) };
  try {
    return { zh: template.zh(params), en: template.en?.(params) };
  } catch {
    return { zh: generic(code) };
  }
}

/** An e-mail carries both languages when there are two; the link, when known, goes last. */
export function emailBody(rendered: { zh: RenderedMessage; en?: RenderedMessage }, url?: string) {
  const parts = [rendered.zh.text];
  if (rendered.en) parts.push(rendered.en.text);
  if (url) parts.push(url);
  const subject = rendered.en ? `${rendered.zh.subject} / ${rendered.en.subject}` : rendered.zh.subject;
  return { subject, text: `${parts.join('\n\n')}\n` };
}

/** SMS is short and Chinese only; the gateway adds the registered signature (签名) itself. */
export function smsBody(rendered: { zh: RenderedMessage }): string {
  return rendered.zh.text;
}
