import { approvalGroup } from './approval.ts';
import { caGroup } from './ca.ts';
import { casesGroup } from './cases.ts';
import { coreRows } from './core.ts';
import { notifyGroup } from './notify.ts';
import { servicesGroup } from './services.ts';
import type { MatrixSetup, Row } from './types.ts';

export type RowGroup = { rows: Row[]; setup?: MatrixSetup };

/** One group per area; an area adds its rows (and any records they point at) in its own file. */
export const groups: RowGroup[] = [
  { rows: coreRows },
  notifyGroup,
  casesGroup,
  servicesGroup,
  approvalGroup,
  caGroup,
];
