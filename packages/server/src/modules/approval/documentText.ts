/** Wording helpers of the licensing documents: licence names, citations, numbered items. */

/** 食品经营许可 → 食品经营许可证; a service not named …许可 gets the law's general words (第39条). */
export function licenceName(serviceName: string): string {
  const name = serviceName.replace(/（[^）]*）$/, '');
  return name.endsWith('许可') ? `${name}证` : '行政许可证件';
}

/** A period's basis is its service's own law, not the Licensing Law's general 20 days. */
export function ownLaw(basis: string): boolean {
  return !/行政许可法/.test(basis);
}

/** A basis as a citation: what comes before the quoted text, at most 200 characters. */
export function citation(basis: string): string {
  return (basis.split(/[：:\n]/)[0] ?? basis).trim().slice(0, 200);
}

/** The laws a service's legal basis cites, with their articles: 《食品安全法》第三十五条、《…办法》. */
export function lawsCited(legalBasis: string): string | undefined {
  const found = new Set<string>();
  for (const m of legalBasis.matchAll(
    /《[^》]{1,60}》(?:第[一二三四五六七八九十百零〇]+条(?:第[一二三四五六七八九十]+款)?)?/g,
  )) {
    found.add(m[0]);
  }
  let cited = '';
  for (const law of found) {
    const next = cited ? `${cited}、${law}` : law;
    if (next.length > 200) break;
    cited = next;
  }
  return cited || undefined;
}

export const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

const NUMERAL = String.raw`(?:\d{1,2}|[一二三四五六七八九十]{1,3})`;
const MARKER = String.raw`(?:${NUMERAL}[.、．)）](?!\d)|[（(]${NUMERAL}[)）]|[①-⑳])`;
const LEADING = new RegExp(`^(?:${MARKER}|[-•·*])\\s*`);
const INLINE = new RegExp(`\\s+(?=${MARKER})`);

/**
 * Staff's list as items: one per line or per ；, inline numbers ("1. … 2. …") split too, their
 * numbering and closing marks taken off (the document numbers them again).
 */
export function splitItems(list: string): string[] {
  const items = list
    .split(/\r?\n|[；;]/)
    .flatMap((line) => line.split(INLINE))
    .map((item) =>
      item
        .trim()
        .replace(LEADING, '')
        .replace(/[。；;.，,、\s]+$/, '')
        .trim(),
    )
    .filter((item) => item.length > 0);
  return items.length > 0 || list.trim() === '' ? items : [list.trim()];
}
