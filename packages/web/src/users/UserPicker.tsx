import { useTranslation } from 'react-i18next';
import { type AccountKind, listUsers } from '../api/admin.ts';
import { SearchPicker } from '../shell/SearchPicker.tsx';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  kind?: AccountKind;
  id?: string;
  placeholder?: string;
};

/** Chooses an account by searching its name or user name, as 用户管理 does (personal data masked). */
export function UserPicker({ kind, ...field }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <SearchPicker
      {...field}
      queryKey={(q) => ['admin', 'users', q, kind, i18n.language]}
      search={async (q) =>
        (await listUsers({ q, kind })).map((u) => ({
          value: u.id,
          label: `${u.displayName}（${u.username ?? u.creditCode ?? u.idNumberMasked ?? t(`kind.${u.kind}`)}）`,
        }))
      }
      texts={{ noMatch: t('ca.noUserMatch'), typeToSearch: t('ca.holderUserPlaceholder') }}
    />
  );
}
