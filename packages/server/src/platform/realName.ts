/**
 * Real-name verification (实名核验) goes through a provider: in production an external real-name
 * service; built in, nothing is verified online, because a valid check digit proves only that a
 * number is well formed. There, an account rises to `staff_checked` only when window staff have
 * seen the person's documents.
 */
export type RealNameOutcome = 'verified' | 'not_matched' | 'unavailable';

export interface RealNameProvider {
  readonly name: string;
  check(person: { realName: string; idNumber: string }): Promise<RealNameOutcome>;
}

export const windowCheckOnly: RealNameProvider = {
  name: 'window_check_only',
  check: async () => 'unavailable',
};
