/**
 * The one place the browser keeps its CSRF token. The session itself is an HttpOnly cookie the
 * page never sees; the token changes at every completed sign-in step, and every response that
 * carries one (`/me` and each step) updates it here.
 */
let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

export function currentCsrfToken(): string | undefined {
  return csrfToken;
}

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** What to do when a call needs a session and there is none: the app sends the person to sign in. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function signalUnauthenticated(): void {
  onUnauthenticated?.();
}
