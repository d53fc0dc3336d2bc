import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBuffer, DerError, der, parseExact } from './der.ts';

/** Extension, access method and key purpose OIDs (RFC 5280 §4.2, RFC 6960 §4.2.2.2.1). */
export const EXT = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  cRLNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  cRLDistributionPoints: '2.5.29.31',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
} as const;

export const ACCESS = { ocsp: '1.3.6.1.5.5.7.48.1', caIssuers: '1.3.6.1.5.5.7.48.2' } as const;

export const KEY_PURPOSE = {
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
} as const;

/** KeyUsage bits in bit-number order (RFC 5280 §4.2.1.3); bit 1 is called contentCommitment in newer X.509. */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type KeyUsage = (typeof KEY_USAGE_BITS)[number];

function extension(extnID: string, critical: boolean, value: Uint8Array): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: arrayBuffer(value) });
}

/** DER BIT STRING of the usages: named bits, so trailing zero bits are dropped (X.690 §11.2.2). */
export function keyUsageExtension(usages: readonly KeyUsage[]): pkijs.Extension {
  const bits = usages.map((u) => KEY_USAGE_BITS.indexOf(u));
  const length = Math.floor(Math.max(...bits) / 8) + 1;
  const bytes = new Uint8Array(length);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  const last = bytes[length - 1] ?? 0;
  let unusedBits = 0;
  while (unusedBits < 7 && !(last & (1 << unusedBits))) unusedBits++;
  const value = new asn1js.BitString({ valueHex: arrayBuffer(bytes), unusedBits });
  return extension(EXT.keyUsage, true, der(value));
}

export function basicConstraintsExtension(pathLenConstraint?: number): pkijs.Extension {
  const value = new pkijs.BasicConstraints(
    pathLenConstraint === undefined ? { cA: true } : { cA: true, pathLenConstraint },
  );
  return extension(EXT.basicConstraints, true, der(value.toSchema()));
}

export function extKeyUsageExtension(purposes: string[], critical: boolean): pkijs.Extension {
  return extension(
    EXT.extKeyUsage,
    critical,
    der(new pkijs.ExtKeyUsage({ keyPurposes: purposes }).toSchema()),
  );
}

export function subjectKeyIdExtension(keyId: Uint8Array): pkijs.Extension {
  return extension(
    EXT.subjectKeyIdentifier,
    false,
    der(new asn1js.OctetString({ valueHex: arrayBuffer(keyId) })),
  );
}

export function authorityKeyIdExtension(keyId: Uint8Array): pkijs.Extension {
  const keyIdentifier = new asn1js.OctetString({ valueHex: arrayBuffer(keyId) });
  return extension(
    EXT.authorityKeyIdentifier,
    false,
    der(new pkijs.AuthorityKeyIdentifier({ keyIdentifier }).toSchema()),
  );
}

const uri = (value: string) => new pkijs.GeneralName({ type: 6, value });

export function crlDistributionPointsExtension(url: string): pkijs.Extension {
  const point = new pkijs.DistributionPoint({ distributionPoint: [uri(url)] });
  const value = new pkijs.CRLDistributionPoints({ distributionPoints: [point] });
  return extension(EXT.cRLDistributionPoints, false, der(value.toSchema()));
}

export function authorityInfoAccessExtension(
  ocspUrl?: string,
  caIssuersUrl?: string,
): pkijs.Extension | undefined {
  const accessDescriptions: pkijs.AccessDescription[] = [];
  if (ocspUrl)
    accessDescriptions.push(
      new pkijs.AccessDescription({ accessMethod: ACCESS.ocsp, accessLocation: uri(ocspUrl) }),
    );
  if (caIssuersUrl) {
    accessDescriptions.push(
      new pkijs.AccessDescription({ accessMethod: ACCESS.caIssuers, accessLocation: uri(caIssuersUrl) }),
    );
  }
  if (accessDescriptions.length === 0) return undefined;
  return extension(
    EXT.authorityInfoAccess,
    false,
    der(new pkijs.InfoAccess({ accessDescriptions }).toSchema()),
  );
}

/** id-pkix-ocsp-nocheck: clients need not ask whether the responder's own certificate is revoked. */
export function ocspNoCheckExtension(): pkijs.Extension {
  return extension(EXT.ocspNoCheck, false, der(new asn1js.Null()));
}

/** What the extensions of a certificate say, as far as this CA cares. */
export type ExtensionSummary = {
  isCa: boolean;
  pathLenConstraint?: number;
  /** undefined when the certificate has no keyUsage extension (then any use is allowed). */
  keyUsage?: KeyUsage[];
  extendedKeyUsage: string[];
  crlUrls: string[];
  ocspUrls: string[];
  caIssuersUrls: string[];
  subjectKeyId?: Buffer;
  authorityKeyId?: Buffer;
  ocspNoCheck: boolean;
  /** Critical extensions this module does not understand (RFC 5280 §6.1.4 (o): the path must fail). */
  unknownCritical: string[];
};

/** Reads the extensions; throws DerError for a duplicate or an undecodable known extension. */
export function readExtensions(extensions: pkijs.Extension[] | undefined): ExtensionSummary {
  const summary: ExtensionSummary = {
    isCa: false,
    extendedKeyUsage: [],
    crlUrls: [],
    ocspUrls: [],
    caIssuersUrls: [],
    ocspNoCheck: false,
    unknownCritical: [],
  };
  const seen = new Set<string>();
  for (const ext of extensions ?? []) {
    if (seen.has(ext.extnID)) throw new DerError(`extension ${ext.extnID} appears twice`);
    seen.add(ext.extnID);
    const value = parseExact(ext.extnValue.valueBlock.valueHexView, `extension ${ext.extnID}`);
    try {
      if (!readOne(ext.extnID, value, summary) && ext.critical) summary.unknownCritical.push(ext.extnID);
    } catch (error) {
      throw new DerError(`extension ${ext.extnID}: ${(error as Error).message}`);
    }
  }
  return summary;
}

// Returns whether the extension is one this module understands.
function readOne(id: string, value: asn1js.AsnType, s: ExtensionSummary): boolean {
  switch (id) {
    case EXT.basicConstraints: {
      const bc = new pkijs.BasicConstraints({ schema: value });
      s.isCa = bc.cA;
      if (typeof bc.pathLenConstraint === 'number') s.pathLenConstraint = bc.pathLenConstraint;
      return true;
    }
    case EXT.keyUsage:
      s.keyUsage = keyUsagesOf(expect(value, asn1js.BitString));
      return true;
    case EXT.extKeyUsage:
      s.extendedKeyUsage = new pkijs.ExtKeyUsage({ schema: value }).keyPurposes;
      return true;
    case EXT.subjectKeyIdentifier:
      s.subjectKeyId = Buffer.from(expect(value, asn1js.OctetString).valueBlock.valueHexView);
      return true;
    case EXT.authorityKeyIdentifier: {
      const keyId = new pkijs.AuthorityKeyIdentifier({ schema: value }).keyIdentifier;
      if (keyId) s.authorityKeyId = Buffer.from(keyId.valueBlock.valueHexView);
      return true;
    }
    case EXT.cRLDistributionPoints:
      s.crlUrls = crlUrlsOf(new pkijs.CRLDistributionPoints({ schema: value }));
      return true;
    case EXT.authorityInfoAccess:
      for (const d of new pkijs.InfoAccess({ schema: value }).accessDescriptions) {
        const url = uriOf(d.accessLocation);
        if (url && d.accessMethod === ACCESS.ocsp) s.ocspUrls.push(url);
        if (url && d.accessMethod === ACCESS.caIssuers) s.caIssuersUrls.push(url);
      }
      return true;
    case EXT.ocspNoCheck:
      s.ocspNoCheck = true;
      return true;
    default:
      return false;
  }
}

function expect<T>(value: asn1js.AsnType, type: new (...args: never[]) => T): T {
  if (!(value instanceof type)) throw new DerError(`expected ${type.name}`);
  return value;
}

function keyUsagesOf(bits: asn1js.BitString): KeyUsage[] {
  const bytes = bits.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function crlUrlsOf(points: pkijs.CRLDistributionPoints): string[] {
  const urls: string[] = [];
  for (const point of points.distributionPoints) {
    if (!Array.isArray(point.distributionPoint)) continue;
    for (const name of point.distributionPoint) {
      const url = uriOf(name);
      if (url) urls.push(url);
    }
  }
  return urls;
}

function uriOf(name: pkijs.GeneralName): string | undefined {
  return name.type === 6 && typeof name.value === 'string' ? name.value : undefined;
}
