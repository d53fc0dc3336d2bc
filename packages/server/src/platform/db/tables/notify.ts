/** The notification outbox and inbox (migration 0009). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the notification migration
export interface NotifyTables {}
