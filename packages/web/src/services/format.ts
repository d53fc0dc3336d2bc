/** How file formats, sizes and tags read on the guide and the upload cards. */

const FORMAT_NAMES: Record<string, { label: string; extensions: string[] }> = {
  'application/pdf': { label: 'PDF', extensions: ['.pdf'] },
  'image/jpeg': { label: 'JPG', extensions: ['.jpg', '.jpeg'] },
  'image/png': { label: 'PNG', extensions: ['.png'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'DOCX',
    extensions: ['.docx'],
  },
  'application/ofd': { label: 'OFD', extensions: ['.ofd'] },
};

/** "PDF、OFD" (or "PDF, OFD"): the formats a material takes, as people name them. */
export function formatNames(formats: readonly string[], lang: 'zh' | 'en'): string {
  return formats.map((f) => FORMAT_NAMES[f]?.label ?? f).join(lang === 'zh' ? '、' : ', ');
}

/** The file chooser's `accept`: extensions and media types, so OFD files show too. */
export function acceptAttribute(formats: readonly string[]): string {
  return formats.flatMap((f) => [...(FORMAT_NAMES[f]?.extensions ?? []), f]).join(',');
}

/** 20 MB, 512 KB: a size as people read it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}
