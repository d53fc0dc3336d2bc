import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import {
  type SignatureAlgorithm,
  type SigningKey,
  SM2_DEFAULT_ID,
  softwareSigningKey,
} from '../algorithms.ts';

/**
 * Tests only: a small PKI made by the machine's openssl (3.0), independent of the platform's own issuance, so
 * the CMS code is checked against certificates it did not make. Root CA, intermediate CA, a signer and a TSA.
 */

export type TestIdentity = { der: Buffer; pem: string; key: SigningKey };

export type TestPki = {
  algorithm: SignatureAlgorithm;
  dir: string;
  root: TestIdentity;
  intermediate: TestIdentity;
  signer: TestIdentity;
  tsa: TestIdentity;
  /** Another certificate for the signer's key, same issuer and serial number: what ESS guards against. */
  reissueSigner(): Buffer;
  /** Runs openssl in dir; never throws, so a test can show what openssl said. */
  openssl(args: string[]): { status: number | null; stdout: string; stderr: string };
  remove(): void;
};

const EXTENSIONS = {
  ca: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n',
  signer:
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\n',
  tsa: 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
};

export function makeTestPki(algorithm: SignatureAlgorithm): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-cms-'));
  const openssl = (args: string[]) => {
    const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const must = (args: string[]) => {
    const run = openssl(args);
    if (run.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${run.stderr}`);
  };
  const sm2 = algorithm === 'SM2-SM3';
  // SM2 signatures need the signer ID (GM/T 0009 default) on both sides; openssl 3.0 has another default.
  const signOptions = sm2 ? ['-sm3', '-sigopt', `distid:${SM2_DEFAULT_ID}`] : ['-sha256'];
  const verifyOptions = sm2 ? ['-vfyopt', `distid:${SM2_DEFAULT_ID}`] : [];
  const keyOptions = sm2
    ? ['-algorithm', 'SM2']
    : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  for (const [name, text] of Object.entries(EXTENSIONS))
    fs.writeFileSync(path.join(dir, `${name}.ext`), text);

  let serial = 1;
  const issue = (name: string, issuer: string, ext: string, number: number, days: number) => {
    const ca = `-CA ${issuer}.pem -CAkey ${issuer}.key -set_serial ${number}`;
    const out = `-days ${days} -extfile ${ext}.ext -out ${name}.pem`;
    must([...words(`x509 -req -in ${name}.csr ${ca} ${out}`), ...signOptions, ...verifyOptions]);
  };
  const identity = (
    name: string,
    subject: string,
    issuer: string | undefined,
    ext: keyof typeof EXTENSIONS,
  ) => {
    must(['genpkey', ...keyOptions, '-out', `${name}.key`]);
    if (issuer) {
      must([...words(`req -new -key ${name}.key -out ${name}.csr`), '-subj', subject, ...signOptions]);
      issue(name, issuer, ext, ++serial, 30);
    } else {
      const config = writeConfig(dir);
      const out = `-set_serial ${++serial} -days 30 -extensions v3 -config ${config} -out ${name}.pem`;
      must([...words(`req -x509 -new -key ${name}.key ${out}`), '-subj', subject, ...signOptions]);
    }
    const pem = fs.readFileSync(path.join(dir, `${name}.pem`), 'utf8');
    return { der: pemBody(pem), pem: path.join(dir, `${name}.pem`), key: signingKeyOf(algorithm, dir, name) };
  };
  const root = identity('root', `/CN=Test Root ${algorithm}/O=Yiwang`, undefined, 'ca');
  const intermediate = identity('intermediate', `/CN=Test Intermediate ${algorithm}/O=Yiwang`, 'root', 'ca');
  const signer = identity('signer', `/CN=Test Signer ${algorithm}/O=Yiwang`, 'intermediate', 'signer');
  const tsa = identity('tsa', `/CN=Test TSA ${algorithm}/O=Yiwang`, 'root', 'tsa');
  const signerSerial = serial - 1; // the TSA came after it
  const reissueSigner = () => {
    fs.copyFileSync(path.join(dir, 'signer.csr'), path.join(dir, 'signer2.csr'));
    issue('signer2', 'intermediate', 'signer', signerSerial, 31);
    return pemBody(fs.readFileSync(path.join(dir, 'signer2.pem'), 'utf8'));
  };
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  return { algorithm, dir, root, intermediate, signer, tsa, reissueSigner, openssl, remove };
}

function writeConfig(dir: string): string {
  const text = `[req]\ndistinguished_name=dn\n[dn]\n[v3]\n${EXTENSIONS.ca}`;
  fs.writeFileSync(path.join(dir, 'root.cnf'), text);
  return 'root.cnf';
}

function words(text: string): string[] {
  return text.split(' ');
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** The key as the platform's key store holds it: the scalar for SM2, PKCS#8 DER for ECDSA. */
function signingKeyOf(algorithm: SignatureAlgorithm, dir: string, name: string): SigningKey {
  const pkcs8 = pemBody(fs.readFileSync(path.join(dir, `${name}.key`), 'utf8'));
  const bytes = algorithm === 'SM2-SM3' ? ecScalar(pkcs8) : pkcs8;
  return softwareSigningKey({ algorithm, bytes });
}

/** The private scalar of a PKCS#8 or SEC1 (RFC 5915) EC key. */
function ecScalar(der: Buffer): Buffer {
  const fields = (asn1js.fromBER(new Uint8Array(der)).result as asn1js.Sequence).valueBlock.value;
  // PKCS#8: version, AlgorithmIdentifier, OCTET STRING holding the SEC1 ECPrivateKey.
  if (fields[1] instanceof asn1js.Sequence) {
    return ecScalar(Buffer.from((fields[2] as asn1js.OctetString).valueBlock.valueHexView));
  }
  // SEC1: version 1, OCTET STRING scalar, [0] curve, [1] public key.
  return Buffer.from((fields[1] as asn1js.OctetString).valueBlock.valueHexView);
}
