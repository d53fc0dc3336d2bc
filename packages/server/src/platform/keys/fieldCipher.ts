import { FieldCipher } from '../crypto/index.ts';
import { keyCheckValue } from './keys.ts';

/** The cipher for personal information, keyed by the platform's data key; SM4-GCM by default. */
export function createFieldCipher(
  dataKey: Buffer,
  algorithm: 'SM4-GCM' | 'AES-256-GCM' = 'SM4-GCM',
): FieldCipher {
  return new FieldCipher({ current: { id: keyCheckValue(dataKey).slice(0, 8), key: dataKey }, algorithm });
}
