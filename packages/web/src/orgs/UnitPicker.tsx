import { useQuery } from '@tanstack/react-query';
import type { OrgUnit } from '@yiwang/contracts';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUnits, type OrgTree } from '../api/orgs.ts';
import { useLang } from '../shell/lang.ts';
import { useDebounced } from '../shell/useDebounced.ts';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  tree?: OrgTree;
  excludeId?: string;
  id?: string;
  /** Offer departments only, not divisions (e.g. the department a case is filed with). */
  departmentsOnly?: boolean;
  placeholder?: string;
};

/** Chooses an active unit by searching its name or code, as the tree's search box does. */
export function UnitPicker({
  value,
  onChange,
  tree = 'territorial',
  excludeId,
  id,
  departmentsOnly,
  placeholder,
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string }>();
  const q = useDebounced(search.trim());
  const results = useQuery({
    queryKey: ['orgs', 'search', tree, q],
    queryFn: () => listUnits({ tree, q }),
    enabled: q.length > 0,
  });
  const label = (u: OrgUnit) => `${u.name[lang]}（${u.code}）`;
  const options = (results.data ?? [])
    .filter((u) => u.id !== excludeId && (!departmentsOnly || u.kind === 'department'))
    .map((u) => ({ value: u.id, label: label(u) }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select
      id={id}
      value={value}
      allowClear
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 320 } } }}
      placeholder={placeholder ?? t('orgs.pickPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      notFoundContent={
        results.isFetching ? <Spin size="small" /> : q ? t('orgs.noMatch') : t('orgs.typeToSearch')
      }
      onChange={(next: string | undefined) => {
        setChosen(options.find((o) => o.value === next));
        onChange?.(next);
      }}
    />
  );
}
