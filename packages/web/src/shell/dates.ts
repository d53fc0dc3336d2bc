/** Times on the platform are Beijing times, whatever the reader's own time zone. */
export function beijingDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/** A legal date (YYYY-MM-DD) for today in Beijing. */
export function beijingToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
