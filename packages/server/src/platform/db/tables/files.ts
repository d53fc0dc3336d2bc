/** The file store's tables (migration 0008). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the file store's migration
export interface FileTables {}
