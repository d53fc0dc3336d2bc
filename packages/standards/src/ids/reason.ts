/**
 * Why a value was refused. `code` is stable and meant for programs (tests, API clients, translations);
 * `zh` and `en` are ready to show to people.
 */
export interface Reason<Code extends string = string> {
  readonly code: Code;
  readonly zh: string;
  readonly en: string;
}

export type Messages<Code extends string> = Readonly<
  Record<Code, { readonly zh: string; readonly en: string }>
>;

export type Refusal<Code extends string> = { readonly ok: false; readonly reasons: readonly Reason<Code>[] };

export function refuse<Code extends string>(messages: Messages<Code>, codes: readonly Code[]): Refusal<Code> {
  return { ok: false, reasons: codes.map((code) => ({ code, ...messages[code] })) };
}
