export type DivisionLevel = 'province' | 'prefecture' | 'county';

/** A division of GB/T 2260 in force; `parent` is null only for the province. */
export interface Division {
  readonly code: string;
  readonly name: string;
  readonly level: DivisionLevel;
  readonly parent: string | null;
}

/** A division abolished or renumbered; its code lives on in ID numbers and credit codes issued before. */
export interface RetiredDivision {
  readonly code: string;
  readonly name: string;
  /** Year the division was abolished or renumbered, where we are sure of it. */
  readonly retired?: number;
}
