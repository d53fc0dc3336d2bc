import { algorithmOfSignatureOid, verifySignature } from '../algorithms.ts';
import { type CertificateInfo, type ParsedCertificate, parseCertificate } from './describe.ts';

export type ChainProblemCode =
  | 'untrusted_issuer'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'not_a_ca'
  | 'malformed';

export type ChainProblem = { code: ChainProblemCode; message: string; serialHex?: string };

export type ChainResult = {
  ok: boolean;
  /** The path found, leaf first, ending at a trust anchor when ok. */
  path: CertificateInfo[];
  problems: ChainProblem[];
};

export type VerifyChainOptions = {
  certificate: Uint8Array;
  intermediates: Uint8Array[];
  trustAnchors: Uint8Array[];
  /** The time at which the certificates must be valid. */
  at: Date;
};

// Root, issuing CA, end entity is three; leave room for a cross-certificate or two, not for loops.
const MAX_PATH = 6;

/**
 * Builds the path from the certificate to one of the trust anchors (issuer name, then AKI against SKI) and
 * checks each signature over the exact TBS bytes, each validity period at `at` (anchors included: an expired
 * root is a problem), and that every issuer is a CA within its path length. Revocation is the caller's
 * business: it has the database. Never throws; unreadable input is a 'malformed' problem.
 */
export function verifyChain(o: VerifyChainOptions): ChainResult {
  const problems: ChainProblem[] = [];
  const leaf = readAll([o.certificate], 'certificate', problems)[0];
  if (!leaf) return { ok: false, path: [], problems };
  const anchors = readAll(o.trustAnchors, 'trust anchor', problems);
  const intermediates = readAll(o.intermediates, 'intermediate', problems);
  const path = buildPath(leaf, anchors, intermediates, problems);
  path.forEach((certificate, index) => {
    checkCertificate(certificate, o.at, problems);
    // The CA certificates between this issuer and the leaf, self-issued ones not counted (§4.2.1.9).
    const below = path.slice(1, index).filter((p) => !selfIssued(p)).length;
    if (index > 0) checkIssuer(certificate, below, problems);
  });
  return { ok: problems.length === 0, path: path.map((p) => p.info), problems };
}

function readAll(ders: Uint8Array[], role: string, problems: ChainProblem[]): ParsedCertificate[] {
  const parsed: ParsedCertificate[] = [];
  for (const der of ders) {
    try {
      parsed.push(parseCertificate(der));
    } catch (error) {
      problems.push({ code: 'malformed', message: `${role}: ${(error as Error).message}` });
    }
  }
  return parsed;
}

function buildPath(
  leaf: ParsedCertificate,
  anchors: ParsedCertificate[],
  intermediates: ParsedCertificate[],
  problems: ChainProblem[],
): ParsedCertificate[] {
  const path = [leaf];
  for (let current = leaf; path.length <= MAX_PATH; ) {
    // Anchors first, so a path ends at the anchor itself rather than at a copy among the intermediates.
    const unused = [...anchors, ...intermediates].filter((c) => !path.some((p) => p.der.equals(c.der)));
    const step = nextStep(current, anchors, unused);
    if (step.problem) problems.push(step.problem);
    if (!step.issuer) return path;
    path.push(step.issuer);
    current = step.issuer;
  }
  problems.push(problem('untrusted_issuer', leaf, `no trust anchor within ${MAX_PATH} certificates`));
  return path;
}

/**
 * The issuer of current among the candidates, and what is wrong with the step; neither when current is a
 * trust anchor. An issuer whose signature does not verify is still returned, to check the rest of the path.
 */
function nextStep(
  current: ParsedCertificate,
  anchors: ParsedCertificate[],
  candidates: ParsedCertificate[],
): { issuer?: ParsedCertificate; problem?: ChainProblem } {
  if (anchors.some((anchor) => sameKeyAndName(anchor, current))) return {};
  const name = current.info.subjectText;
  // A root that is not one of ours, whatever its name: there is no issuer to look for.
  if (selfIssued(current) && signatureVerifies(current, current)) {
    return { problem: problem('untrusted_issuer', current, `${name} is a root that is not trusted`) };
  }
  const issuers = candidates.filter((c) => mayHaveIssued(c, current));
  const verified = issuers.find((c) => signatureVerifies(current, c));
  if (verified) return { issuer: verified };
  const [issuer] = issuers;
  if (!issuer) {
    const message = `no trusted issuer for ${name} (issuer ${current.info.issuerText})`;
    return { problem: problem('untrusted_issuer', current, message) };
  }
  const message = `the signature of ${name} does not verify with the key of ${issuer.info.subjectText}`;
  return { issuer, problem: problem('bad_signature', current, message) };
}

function selfIssued(c: ParsedCertificate): boolean {
  return c.issuerName.equals(c.subjectName);
}

function sameKeyAndName(a: ParsedCertificate, b: ParsedCertificate): boolean {
  return a.spki.equals(b.spki) && a.certificate.subject.isEqual(b.certificate.subject);
}

/** RFC 5280 §4.1.2.4 name chaining, narrowed by the key identifiers when both are there (§4.2.1.1). */
function mayHaveIssued(issuer: ParsedCertificate, child: ParsedCertificate): boolean {
  const names =
    issuer.subjectName.equals(child.issuerName) ||
    issuer.certificate.subject.isEqual(child.certificate.issuer);
  const aki = child.extensions.authorityKeyId;
  const ski = issuer.extensions.subjectKeyId;
  return names && (!aki || !ski || aki.equals(ski));
}

function signatureVerifies(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const algorithm = algorithmOfSignatureOid(child.signatureOid);
  if (!algorithm || child.innerSignatureOid !== child.signatureOid) return false;
  return verifySignature(algorithm, issuer.spki, child.tbs, child.signatureValue);
}

function checkCertificate(c: ParsedCertificate, at: Date, problems: ChainProblem[]): void {
  const { notBefore, notAfter, subjectText } = c.info;
  if (at.getTime() < notBefore.getTime()) {
    problems.push(
      problem('not_yet_valid', c, `${subjectText} is valid only from ${notBefore.toISOString()}`),
    );
  }
  if (at.getTime() > notAfter.getTime()) {
    problems.push(problem('expired', c, `${subjectText} expired at ${notAfter.toISOString()}`));
  }
  for (const oid of c.extensions.unknownCritical) {
    problems.push(problem('malformed', c, `${subjectText} has an unrecognised critical extension ${oid}`));
  }
}

function checkIssuer(c: ParsedCertificate, below: number, problems: ChainProblem[]): void {
  const { isCa, keyUsage, pathLenConstraint } = c.extensions;
  const name = c.info.subjectText;
  if (!isCa) problems.push(problem('not_a_ca', c, `${name} issued a certificate but is not a CA`));
  else if (keyUsage && !keyUsage.includes('keyCertSign')) {
    problems.push(problem('not_a_ca', c, `${name} may not sign certificates (no keyCertSign)`));
  } else if (pathLenConstraint !== undefined && below > pathLenConstraint) {
    problems.push(
      problem('not_a_ca', c, `${name} allows ${pathLenConstraint} CA certificates below it, not ${below}`),
    );
  }
}

function problem(code: ChainProblemCode, c: ParsedCertificate, message: string): ChainProblem {
  return { code, message, serialHex: c.info.serialHex };
}
