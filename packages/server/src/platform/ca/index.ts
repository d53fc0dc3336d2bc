import type { CaSettings } from '../../config.ts';
import type { FileStore } from '../files/index.ts';
import type { PlatformServices } from '../services.ts';
import type { CaContext } from './issue.ts';
import { type KeyStore, SoftwareKeyStore } from './keyStore.ts';
import { InternalSealProvider, type SealProvider } from './sealing/provider.ts';

/**
 * The CA centre (电子签名法, 国务院令第716号): certificates, CRLs, OCSP, time-stamps, electronic
 * seals on documents and their public verification. docs/ca.md tells the whole story.
 */
export type CaServices = CaContext & {
  settings: CaSettings;
  provider: SealProvider;
  files: FileStore;
  verificationUrl: (code: string) => string;
};

/** For an app built without configuration (tests): the defaults of loadConfig. */
export const defaultCaSettings: CaSettings = {
  name: '黑龙江省电子政务认证中心',
  baseUrl: 'http://localhost',
  sealAlgorithm: 'SM2-SM3',
};

export function openCa(
  services: PlatformServices,
  settings: CaSettings,
  files: FileStore,
  keys?: KeyStore,
): CaServices {
  const store = keys ?? new SoftwareKeyStore(services.cipher);
  return {
    db: services.db,
    keys: store,
    urls: { base: settings.baseUrl },
    settings,
    provider: new InternalSealProvider(services.db, store, settings.sealAlgorithm),
    files,
    verificationUrl: (code) => `${settings.baseUrl}/verify?code=${encodeURIComponent(code)}`,
  };
}

export { refreshCrls } from './crls.ts';
export { CaAlreadyInitialisedError, initCa } from './init.ts';
export { type KeyStore, SoftwareKeyStore } from './keyStore.ts';
export { requestSeal } from './sealing/requests.ts';
