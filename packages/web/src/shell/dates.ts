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
  return beijingDay(new Date().toISOString());
}

/** The Beijing date of an instant as YYYY-MM-DD, compact enough for a table's cell. */
export function beijingDay(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

/** A due time: the Beijing date and the minute, without seconds. */
export function beijingDueTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A legal date (YYYY-MM-DD) in the reader's language, read as a calendar day, not an instant. */
export function legalDateText(day: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** The Beijing date of an instant, in the reader's language. */
export function beijingDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }).format(
    new Date(iso),
  );
}
