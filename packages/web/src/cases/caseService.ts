import { useQuery } from '@tanstack/react-query';
import type { CaseDetail } from '@yiwang/contracts';
import { fetchServices } from '../api/services.ts';
import { useService } from '../services/ServiceGuidePage.tsx';
import { isLicence } from './caseParts.tsx';

/**
 * The service a licence case was opened for: its form's field titles and its materials' formats
 * and sizes, which the case itself does not carry. A licence case is titled with the service's
 * Chinese name and owned by the service's unit, so the unit's published services are searched
 * for that name. Null for other cases, or when the service is no longer published.
 */
export function useCaseService(detail: CaseDetail | undefined) {
  const c = detail?.case;
  const licence = Boolean(c && isLicence(c));
  const found = useQuery({
    queryKey: ['services', 'forCase', c?.owningUnit.id, c?.title],
    queryFn: async () => {
      const list = await fetchServices({ unitId: c?.owningUnit.id }, 50, 0);
      return list.items.find((s) => s.name.zh === c?.title)?.id ?? null;
    },
    enabled: licence,
    staleTime: 10 * 60_000,
  });
  const guide = useService(found.data ?? undefined);
  return licence && found.data ? guide.data : undefined;
}
