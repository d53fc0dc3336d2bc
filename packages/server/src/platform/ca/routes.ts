import {
  certificateStatusReplySchema,
  verificationCodeParamSchema,
  verificationSchema,
} from '@yiwang/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../files/index.ts';
import { FileTooLargeProblem } from '../files/problems.ts';
import { HttpProblem, NotFoundProblem, problemResponses } from '../http/problems.ts';
import { certificateBySerial } from './authority.ts';
import { latestCrl } from './crls.ts';
import type { CaServices } from './index.ts';
import {
  parseTimeStampRequest,
  TimeStampRequestError,
  timeStampRejection,
  timeStampResponse,
} from './pki/cms/index.ts';
import { toPem } from './pki/x509/index.ts';
import { answerOcsp, certificateStatus } from './status.ts';
import { issueTimeStamp } from './timestamps.ts';
import { unreadable, verifyByCode, verifyPdf } from './verify.ts';

const tags = ['ca'];
const BINARY_TYPES = ['application/ocsp-request', 'application/timestamp-query'];
/** OCSP requests and time-stamp queries are a few hundred bytes; anything large is not one. */
const BINARY_LIMIT = 16 * 1024;
/** What one visitor may ask of the public verification per minute. */
const verifyLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };
const VERIFY_MAX_BYTES = 20 * 1_048_576;

const fileParam = (suffix: string) =>
  z.object({
    file: z.string().regex(new RegExp(`^[0-9a-f]{1,40}\\.${suffix}$`), `<serial in hex>.${suffix}`),
  });
const serialOf = (file: string) => file.split('.')[0] as string;

const sendBinary = (reply: FastifyReply, type: string, bytes: Buffer, cacheSeconds = 0) =>
  reply
    .type(type)
    .header('cache-control', cacheSeconds ? `public, max-age=${cacheSeconds}` : 'no-store')
    .send(bytes);

/**
 * The CA's public face, no sign-in (relying parties are anyone): certificates, CRLs, OCSP, JSON
 * status, the time-stamp authority, and the verification of sealed documents.
 */
export function registerCaPublicRoutes(app: FastifyInstance, ca: CaServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(BINARY_TYPES, { parseAs: 'buffer', bodyLimit: BINARY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
  r.get(
    '/api/v1/ca/certificates/:file',
    { schema: { tags, summary: 'A certificate, DER (.cer) or PEM (.pem)', params: fileParam('(cer|pem)') } },
    async (request, reply) => {
      const row = await certificateBySerial(ca.db, serialOf(request.params.file));
      if (!row) throw new NotFoundProblem('no certificate with this serial');
      if (request.params.file.endsWith('.pem'))
        return sendBinary(reply, 'application/x-pem-file', Buffer.from(toPem(row.der)), 3600);
      return sendBinary(reply, 'application/pkix-cert', row.der, 3600);
    },
  );
  r.get(
    '/api/v1/ca/crl/:file',
    { schema: { tags, summary: 'The newest CRL of a CA (RFC 5280), DER', params: fileParam('crl') } },
    async (request, reply) => {
      const crl = await latestCrl(ca.db, serialOf(request.params.file));
      if (!crl) throw new NotFoundProblem('no CA with this serial');
      return sendBinary(reply, 'application/pkix-crl', crl.der, 300);
    },
  );
  r.post(
    '/api/v1/ca/ocsp',
    {
      config: { csrf: false },
      schema: { tags, summary: 'OCSP responder (RFC 6960), application/ocsp-request' },
    },
    async (request, reply) => {
      const body = binaryBody(request.body, 'application/ocsp-request');
      return sendBinary(reply, 'application/ocsp-response', await answerOcsp(ca.db, ca.keys, body));
    },
  );
  r.get(
    '/api/v1/ca/status/:serial',
    {
      schema: {
        tags,
        summary: 'Certificate status as JSON (good, revoked, unknown)',
        params: z.object({ serial: z.string().regex(/^[0-9a-fA-F]{1,40}$/) }),
        response: { 200: certificateStatusReplySchema, ...problemResponses(400) },
      },
    },
    async (request) => certificateStatus(ca.db, request.params.serial),
  );
  r.post(
    '/api/v1/ca/tsa',
    {
      config: { csrf: false, ...verifyLimit },
      schema: { tags, summary: 'Time-stamp authority (RFC 3161), application/timestamp-query' },
    },
    async (request, reply) => {
      const body = binaryBody(request.body, 'application/timestamp-query');
      return sendBinary(reply, 'application/timestamp-reply', await answerTimeStamp(ca, body));
    },
  );
  r.post(
    '/api/v1/verify',
    {
      config: { csrf: false, ...verifyLimit },
      schema: {
        tags,
        summary:
          'Verify a sealed PDF (multipart, field "file"): signer, signing time, certificate status, integrity',
        response: { 200: verificationSchema, ...problemResponses(400, 413, 415, 429) },
      },
    },
    async (request) => {
      try {
        const upload = await readUpload(request, { maxBytes: VERIFY_MAX_BYTES });
        return await verifyPdf(ca.db, upload.bytes);
      } catch (error) {
        // A file too large to be a document is a verdict too, not an error page.
        if (error instanceof FileTooLargeProblem) return unreadable('too_large');
        throw error;
      }
    },
  );
  r.get(
    '/api/v1/verify/:code',
    {
      config: verifyLimit,
      schema: {
        tags,
        summary: 'Verify a document by the verification code printed on it',
        params: verificationCodeParamSchema,
        response: { 200: verificationSchema, ...problemResponses(400, 429) },
      },
    },
    async (request) => verifyByCode(ca.db, ca.files, request.params.code),
  );
}

function binaryBody(body: unknown, type: string): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new HttpProblem(415, 'unsupported_media_type', 'This content type is not accepted', {
      detail: `send ${type}`,
    });
  }
  return body;
}

async function answerTimeStamp(ca: CaServices, body: Buffer): Promise<Buffer> {
  let request: ReturnType<typeof parseTimeStampRequest>;
  try {
    request = parseTimeStampRequest(body);
  } catch (error) {
    return timeStampRejection(error instanceof TimeStampRequestError ? error.failure : 'badDataFormat');
  }
  const stamp = await issueTimeStamp(ca.db, ca.keys, {
    imprintAlgorithmOid: request.imprintAlgorithmOid,
    imprint: request.imprint,
    nonce: request.nonce,
    certReq: request.certReq,
  });
  return stamp ? timeStampResponse(stamp.token) : timeStampRejection('systemFailure', 'the CA is not set up');
}
