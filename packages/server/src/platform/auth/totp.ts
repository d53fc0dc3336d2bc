import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = '一网 Yiwang';

export function newTotpSecret(): string {
  return generateSecret();
}

/** What an authenticator app scans: the otpauth URI and the same as a QR image. */
export async function totpEnrolment(secret: string, label: string) {
  const uri = generateURI({ issuer: ISSUER, label, secret });
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/**
 * One 30-second step either side is accepted for clock drift; a step at or before the last one
 * used is refused, so a code seen over someone's shoulder cannot be replayed.
 */
export async function checkTotp(secret: string, token: string, lastStep: number | null) {
  if (!/^\d{6}$/.test(token)) return { valid: false as const };
  const result = await verify({
    secret,
    token,
    epochTolerance: 30,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  if (!result.valid) return { valid: false as const };
  const step =
    'timeStep' in result ? Number(result.timeStep) : Math.floor(Date.now() / 30_000) + result.delta;
  return { valid: true as const, step };
}

/** For demo output and tests: the code an authenticator would show now. */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}

/** For the demo seed: the code of the step before now, which drift tolerance still accepts. */
export function previousTotp(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
}
