import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountKind, listUsers } from '../api/admin.ts';
import { useDebounced } from '../shell/useDebounced.ts';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  kind?: AccountKind;
  id?: string;
  placeholder?: string;
};

/** Chooses an account by searching its name or user name, as 用户管理 does (personal data masked). */
export function UserPicker({ value, onChange, kind, id, placeholder }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string }>();
  const q = useDebounced(search.trim());
  const results = useQuery({
    queryKey: ['admin', 'users', q, kind],
    queryFn: () => listUsers({ q, kind }),
    enabled: q.length > 0,
  });
  const options = (results.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName}（${u.username ?? u.creditCode ?? u.idNumberMasked ?? t(`kind.${u.kind}`)}）`,
  }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select
      id={id}
      value={value}
      allowClear
      style={{ width: '100%' }}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      notFoundContent={
        results.isFetching ? <Spin size="small" /> : q ? t('ca.noUserMatch') : t('ca.holderUserPlaceholder')
      }
      onChange={(next: string | undefined) => {
        setChosen(options.find((o) => o.value === next));
        onChange?.(next);
      }}
    />
  );
}
