import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FileSettings } from '../../config.ts';
import { HttpProblem, ValidationProblem } from '../http/problems.ts';
import { FILE_FIELD, FileTooLargeProblem } from './problems.ts';

export type Upload = {
  fileName: string;
  /** The part's Content-Type as the client sent it; `storeFile` checks it against the content. */
  declaredType: string;
  bytes: Buffer;
  /** The other form fields, text only. */
  fields: Record<string, string>;
};

/** Small forms beside one file: a slot name, a note. Anything larger belongs in a JSON request. */
const LIMITS = { files: 1, fields: 20, fieldSize: 16 * 1024, fieldNameSize: 100, parts: 21, headerPairs: 20 };

/** Lets routes read `multipart/form-data`; JSON routes are unaffected. */
export async function registerMultipart(
  app: FastifyInstance,
  settings: Pick<FileSettings, 'maxUploadBytes'>,
) {
  await app.register(multipart, {
    limits: { ...LIMITS, fileSize: settings.maxUploadBytes },
    throwFileSizeLimit: true,
  });
}

/**
 * Reads one uploaded file (in the part named `file`) and the text fields around it into memory.
 * The whole file is needed anyway (sniffing, hashing, scanning, sealing), and the size limit
 * stops reading at `maxBytes`, so memory per request is bounded.
 */
export async function readUpload(request: FastifyRequest, options: { maxBytes: number }): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new HttpProblem(415, 'unsupported_media_type', 'This content type is not accepted', {
      detail: 'send the file as multipart/form-data',
    });
  }
  const fields: Record<string, string> = {};
  let upload: Omit<Upload, 'fields'> | undefined;
  const errors: ConstructorParameters<typeof ValidationProblem>[0] = [];
  try {
    for await (const part of request.parts({ limits: { ...LIMITS, fileSize: options.maxBytes } })) {
      if (part.type === 'file') {
        if (part.fieldname !== FILE_FIELD) {
          // The stream must be drained, or busboy never reaches the parts after it.
          part.file.resume();
          errors.push(unknownField(part.fieldname));
          continue;
        }
        const bytes = await part.toBuffer();
        upload = { fileName: part.filename, declaredType: part.mimetype, bytes };
      } else if (typeof part.value === 'string') {
        if (part.valueTruncated) errors.push(tooLong(part.fieldname));
        else fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    throw asProblem(error, options.maxBytes);
  }
  if (!upload) {
    errors.push({ field: `body.${FILE_FIELD}`, code: 'required', message: 'Attach a file', params: {} });
  }
  if (errors.length > 0 || !upload) throw new ValidationProblem(errors);
  return { ...upload, fields };
}

function asProblem(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: string } | undefined)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new FileTooLargeProblem(maxBytes);
    case 'FST_FILES_LIMIT':
      return new ValidationProblem([
        {
          field: `body.${FILE_FIELD}`,
          code: 'too_many_files',
          message: 'Send one file per request',
          params: {},
        },
      ]);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new ValidationProblem([
        { field: 'body', code: 'too_many_fields', message: 'The form has too many fields', params: {} },
      ]);
    case 'FST_PROTO_VIOLATION':
      return new ValidationProblem([unknownField('__proto__')]);
    case 'FST_MP_PREMATURE_CLOSE':
      return new HttpProblem(400, 'bad_request', 'The upload was cut off');
    default:
      return error;
  }
}

function unknownField(name: string) {
  return { field: `body.${name}`, code: 'unknown_field', message: 'Unknown field', params: {} };
}

function tooLong(name: string) {
  return { field: `body.${name}`, code: 'too_long', message: 'The value is too long', params: {} };
}
