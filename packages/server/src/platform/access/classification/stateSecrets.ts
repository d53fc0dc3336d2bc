import { HttpProblem } from '../../http/problems.ts';

/**
 * State secrets are never processed on this network (State Secrets Law 2024 art. 30: no state
 * secret on an Internet-connected or other public information network). So content bearing a
 * secrecy marking (密级标志, GB/T 9704-2012 §7.2.2: the level, then ★ and the period, e.g.
 * "机密★10年", at the upper left of the header) is refused whatever level is asked for.
 *
 * The words themselves are ordinary Chinese ("商业秘密", "保守国家秘密的义务", "机密性"), so only
 * a word used as a marking counts: followed by ★, inside brackets ("（机密）", "【秘密】"), after
 * "密级：", or standing alone on its line.
 */
export type StateSecretMarking = '绝密' | '机密' | '秘密';
/** `excerpt`: the marking as found, in normalised form (full-width punctuation made plain). */
export type StateSecretFinding = { marking: StateSecretMarking; excerpt: string };

const LEVEL = '([绝机秘])[ \\t]*密';
// A period: N年 / N个月, 长期, 启用前 (exam papers), or a date or condition after 解密.
const PERIOD = '(?:\\d{1,4}[ \\t]*(?:年|个月|月|天|日)|长期|启用前|解密[^\\s)\\]】〕]{0,16})?';
const STARRED = `${LEVEL}[ \\t]*[★☆*][ \\t]*${PERIOD}`;
const MARKING_PATTERNS: readonly RegExp[] = [
  // Starred, unless the word is the tail of a compound such as 商业秘密 or 商业机密.
  new RegExp(`(?<!\\p{Script=Han})${STARRED}`, 'u'),
  // Bracketed, as in a title: "关于……的报告（机密）", "【机密★1年】".
  new RegExp(`[(\\[【〔][ \\t]*(?:${STARRED}|${LEVEL})[ \\t]*[)\\]】〕]`, 'u'),
  // A form's field: "密级：秘密".
  new RegExp(`密[ \\t]*级(?:和保密期限)?[ \\t]*:[ \\t]*${LEVEL}`, 'u'),
  // Alone on its line, as the header of a page converted to text.
  new RegExp(`^[ \\t]*(?:${STARRED}|${LEVEL})[ \\t]*$`, 'mu'),
];

/** The first secrecy marking in any of the texts, or null when none is marked. */
export function findStateSecretMarking(...texts: string[]): StateSecretFinding | null {
  for (const text of texts) {
    const found = findIn(normalise(text));
    if (found) return found;
  }
  return null;
}

function findIn(text: string): StateSecretFinding | null {
  let best: RegExpExecArray | null = null;
  for (const pattern of MARKING_PATTERNS) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = match;
  }
  if (!best) return null;
  const level = best.slice(1).find((g) => g !== undefined);
  return { marking: `${level}密` as StateSecretMarking, excerpt: best[0].trim() };
}

/**
 * Full-width forms (（）：＊, the ideographic space) become their plain forms, zero-width
 * characters go, and line ends become \n, so a marking typed or pasted any way is seen.
 */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\r\n?/g, '\n');
}

/** Content marked as a state secret: refused before it is stored, whatever its level. */
export class StateSecretRefused extends HttpProblem {
  declare readonly code: 'state_secret_refused';

  constructor(readonly finding: StateSecretFinding) {
    super(422, 'state_secret_refused', 'State secrets are not processed on this network', {
      detail: `the content is marked ${finding.excerpt}; state secrets must not be processed on this network (State Secrets Law art. 30)`,
    });
  }
}

/** Throws StateSecretRefused when any of the texts bears a secrecy marking. */
export function refuseStateSecrets(...texts: string[]): void {
  const finding = findStateSecretMarking(...texts);
  if (finding) throw new StateSecretRefused(finding);
}
