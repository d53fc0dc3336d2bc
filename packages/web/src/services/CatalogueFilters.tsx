import { useQuery } from '@tanstack/react-query';
import { Input, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchServiceFacets, type ServiceFilter } from '../api/services.ts';
import { useLang } from '../shell/lang.ts';

export type Browse = 'department' | 'theme' | 'lifeEvent';
type Chip = { value: string; label: string; count: number };

export const facetsKey = ['services', 'facets'] as const;

function Chips({
  chips,
  selected,
  onSelect,
  label,
}: {
  chips: Chip[];
  selected?: string;
  onSelect: (value?: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const total = chips.reduce((n, c) => n + c.count, 0);
  return (
    <Space wrap size={[4, 8]} role="group" aria-label={label}>
      <Tag.CheckableTag checked={!selected} onChange={() => onSelect(undefined)}>
        {t('services.all')}
        {chips.length > 0 && ` (${total})`}
      </Tag.CheckableTag>
      {chips.map((c) => (
        <Tag.CheckableTag
          key={c.value}
          checked={selected === c.value}
          onChange={(on) => onSelect(on ? c.value : undefined)}
        >
          {c.label} ({c.count})
        </Tag.CheckableTag>
      ))}
    </Space>
  );
}

/**
 * The catalogue's ways in: a search box for the words (Chinese or English), and one way of
 * browsing at a time, by department, by theme (主题) or by life event (人生事件).
 */
export function CatalogueFilters({
  browse,
  filter,
  onBrowse,
  onChange,
}: {
  browse: Browse;
  filter: ServiceFilter;
  onBrowse: (b: Browse) => void;
  onChange: (f: ServiceFilter) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const facets = useQuery({ queryKey: facetsKey, queryFn: fetchServiceFacets, staleTime: 5 * 60_000 });
  const data = facets.data;
  const chips: Record<Browse, Chip[]> = {
    department: (data?.departments ?? []).map((d) => ({ value: d.id, label: d.name[lang], count: d.count })),
    theme: (data?.themes ?? []).map((f) => ({ ...f, label: f.value })),
    lifeEvent: (data?.lifeEvents ?? []).map((f) => ({ ...f, label: f.value })),
  };
  const selected = { department: filter.unitId, theme: filter.theme, lifeEvent: filter.lifeEvent };
  const select = (kind: Browse, value?: string) =>
    onChange({
      q: filter.q,
      ...(kind === 'department'
        ? { unitId: value }
        : kind === 'theme'
          ? { theme: value }
          : { lifeEvent: value }),
    });
  return (
    <>
      <Input.Search
        allowClear
        enterButton
        size="large"
        aria-label={t('services.search')}
        placeholder={t('services.searchPlaceholder')}
        maxLength={50}
        defaultValue={filter.q}
        onSearch={(v) => onChange({ ...filter, q: v.trim() || undefined })}
        style={{ marginBottom: 8 }}
      />
      <Tabs
        activeKey={browse}
        onChange={(key) => onBrowse(key as Browse)}
        items={(['department', 'theme', 'lifeEvent'] as const).map((kind) => ({
          key: kind,
          label: t(`services.browseBy.${kind}`),
          children: (
            <Chips
              label={t(`services.browseBy.${kind}`)}
              chips={chips[kind]}
              selected={selected[kind]}
              onSelect={(v) => select(kind, v)}
            />
          ),
        }))}
      />
    </>
  );
}
