import {
  type Login,
  loginResultSchema,
  type Me,
  meSchema,
  type RegisterBusiness,
  type RegisterCitizen,
  recoveryCodesSchema,
  registrationResultSchema,
  sessionListSchema,
  totpEnrolmentSchema,
} from '@yiwang/contracts';
import { ApiProblem, api } from './client.ts';
import { rememberCsrfToken } from './session.ts';

/** Who is signed in, at which step; null when no one is. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get('/api/v1/me', meSchema);
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.status === 401) {
      rememberCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export const signIn = (input: Login) => api.post('/api/v1/auth/login', input, loginResultSchema);

export const passSecondFactor = (code: string) =>
  api.post('/api/v1/auth/second-factor', { code }, loginResultSchema);

export const startEnrolment = () =>
  api.post('/api/v1/auth/second-factor/enrolment', undefined, totpEnrolmentSchema);

export const confirmEnrolment = (code: string) =>
  api.post('/api/v1/auth/second-factor/enrolment/confirm', { code }, recoveryCodesSchema);

export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  api.post('/api/v1/auth/password', input, loginResultSchema);

export async function signOut(): Promise<void> {
  await api.command('/api/v1/auth/logout');
  rememberCsrfToken(undefined);
}

export const fetchSessions = () => api.get('/api/v1/me/sessions', sessionListSchema);

export async function endAllSessions(): Promise<void> {
  await api.command('/api/v1/me/sessions/end-all');
  rememberCsrfToken(undefined);
}

export const registerCitizen = (input: RegisterCitizen) =>
  api.post('/api/v1/register/citizen', input, registrationResultSchema);

export const registerBusiness = (input: RegisterBusiness) =>
  api.post('/api/v1/register/business', input, registrationResultSchema);
