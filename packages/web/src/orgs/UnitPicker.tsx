import { useTranslation } from 'react-i18next';
import { listUnits, type OrgTree } from '../api/orgs.ts';
import { useLang } from '../shell/lang.ts';
import { SearchPicker } from '../shell/SearchPicker.tsx';

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
  tree = 'territorial',
  excludeId,
  departmentsOnly,
  placeholder,
  ...field
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SearchPicker
      {...field}
      wide
      placeholder={placeholder ?? t('orgs.pickPlaceholder')}
      queryKey={(q) => ['orgs', 'search', tree, q, lang, excludeId, departmentsOnly]}
      search={async (q) =>
        (await listUnits({ tree, q }))
          .filter((u) => u.id !== excludeId && (!departmentsOnly || u.kind === 'department'))
          .map((u) => ({ value: u.id, label: `${u.name[lang]}（${u.code}）` }))
      }
      texts={{ noMatch: t('orgs.noMatch'), typeToSearch: t('orgs.typeToSearch') }}
    />
  );
}
