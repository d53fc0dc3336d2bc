import type { Me } from '@yiwang/contracts';
import { useTranslation } from 'react-i18next';
import type { Message } from '../api/inbox.ts';
import { useProcesses } from '../cases/caseParts.tsx';
import { beijingDueTime } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';

const isLabel = (v: unknown): v is { zh: string; en: string } =>
  typeof v === 'object' && v !== null && typeof (v as { zh?: unknown }).zh === 'string';

/**
 * A message's title and text from its code and parameters, in the reader's language: bilingual
 * labels pick their half, due times read in Beijing time, clock codes become the clock's name.
 */
export function useMessageText() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const clocks = (useProcesses().data ?? []).flatMap((p) => p.clocks);
  return (m: Message) => {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(m.params)) {
      if (isLabel(value)) params[key] = value[lang];
      else if (key === 'dueAt' && typeof value === 'string')
        params[key] = beijingDueTime(value, i18n.language);
      else if (key === 'clock' && typeof value === 'string')
        params[key] = clocks.find((c) => c.code === value)?.label[lang] ?? value;
      else params[key] = value === null || value === undefined ? '' : String(value);
    }
    // Flat variants of a label ("actionLabelZh"/"actionLabel_zh") read the same way.
    for (const key of ['actionLabel', 'stateLabel']) {
      const flat = m.params[`${key}${lang === 'zh' ? 'Zh' : 'En'}`] ?? m.params[`${key}_${lang}`];
      if (!params[key] && typeof flat === 'string') params[key] = flat;
    }
    const known = i18n.exists(`inbox.codes.${m.code}.title`);
    return {
      title: known ? t(`inbox.codes.${m.code}.title`, params) : t('inbox.otherTitle'),
      text: known ? t(`inbox.codes.${m.code}.text`, params) : t('inbox.otherText', { code: m.code }),
    };
  };
}

/** Where a message's link leads for this reader: case pages live in the workbench or on the portal. */
export function messagePath(m: Message, me: Me): string | null {
  const caseId = m.caseId ?? m.link?.match(/\/cases\/([0-9a-f-]{36})/)?.[1];
  if (caseId) return me.kind === 'staff' ? `/workbench/cases/${caseId}` : `/my/cases/${caseId}`;
  return m.link;
}
