import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useDebounced } from './useDebounced.ts';

export type PickerOption = { value: string; label: string };

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  placeholder?: string;
  /** The query's cache key for a search text. */
  queryKey: (q: string) => unknown[];
  /** The options matching a search text (never called for an empty one). */
  search: (q: string) => Promise<PickerOption[]>;
  /** Shown when a search finds nothing, and before anything is typed. */
  texts: { noMatch: string; typeToSearch: string };
  /** A dropdown wider than the field, for long labels. */
  wide?: boolean;
};

/**
 * A select that searches the server as one types (debounced) and keeps the chosen option's label
 * when a later search no longer lists it: the shared shape of the unit and account pickers.
 */
export function SearchPicker({ value, onChange, id, placeholder, queryKey, search, texts, wide }: Props) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<PickerOption>();
  const q = useDebounced(text.trim());
  const results = useQuery({ queryKey: queryKey(q), queryFn: () => search(q), enabled: q.length > 0 });
  const options = [...(results.data ?? [])];
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select
      id={id}
      value={value}
      allowClear
      style={{ width: '100%' }}
      {...(wide ? { popupMatchSelectWidth: false, styles: { popup: { root: { minWidth: 320 } } } } : {})}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      notFoundContent={results.isFetching ? <Spin size="small" /> : q ? texts.noMatch : texts.typeToSearch}
      onChange={(next: string | undefined) => {
        setChosen(options.find((o) => o.value === next));
        onChange?.(next);
      }}
    />
  );
}
