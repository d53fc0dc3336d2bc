import { HttpProblem } from '../http/problems.ts';

/** Where a material travels in a multipart body, and so where field errors point. */
export const FILE_FIELD = 'file';
const FIELD = `body.${FILE_FIELD}`;

/**
 * The refusals of the file store, each with a stable code the web app translates. Details name
 * sizes and media types only: never the file's content, and the file name only where the
 * uploader sent it themselves.
 */
export class FileTooLargeProblem extends HttpProblem {
  constructor(readonly maxBytes: number) {
    super(413, 'file_too_large', 'The file is too large', {
      detail: `a file may have at most ${maxBytes} bytes`,
      errors: [{ field: FIELD, code: 'too_large', message: 'The file is too large', params: { maxBytes } }],
    });
  }
}

export class FileTypeNotAllowedProblem extends HttpProblem {
  constructor(
    readonly type: string | undefined,
    allowed: readonly string[],
  ) {
    super(415, 'file_type_not_allowed', 'This kind of file is not accepted', {
      detail: `${type ? `${type} is` : 'files of unknown type are'} not accepted; accepted: ${allowed.join(', ')}`,
      errors: [
        {
          field: FIELD,
          code: 'type_not_allowed',
          message: 'This kind of file is not accepted',
          params: { type: type ?? null, allowed: [...allowed] },
        },
      ],
    });
  }
}

export class FileTypeMismatchProblem extends HttpProblem {
  constructor(
    readonly declared: string,
    readonly sniffed: string,
  ) {
    super(422, 'file_type_mismatch', 'The file is not of the type it claims', {
      detail: `declared as ${declared || '(none)'}, but its content is ${sniffed}`,
      errors: [
        {
          field: FIELD,
          code: 'type_mismatch',
          message: 'The file is not of the type it claims',
          params: { declared, sniffed },
        },
      ],
    });
  }
}

export class FileInfectedProblem extends HttpProblem {
  constructor(readonly signature: string) {
    super(422, 'file_infected', 'The file contains malware', {
      detail: `the malware scanner found ${signature}; the file was not stored`,
    });
  }
}

export class FileScanUnavailableProblem extends HttpProblem {
  /** The reason stays in the log (it may name hosts); the client learns only to retry later. */
  constructor(readonly reason: string) {
    super(503, 'file_scan_unavailable', 'The malware scanner is not available', {
      detail: 'the file could not be checked for malware; try again later',
    });
  }
}

export class FileMissingProblem extends HttpProblem {
  constructor(id: string) {
    super(404, 'file_missing', 'No such file', { detail: `there is no stored file ${id}` });
  }
}

/**
 * A stored file failed its checks when read back (its envelope did not open, or its SHA-256
 * differs): the blob was changed or swapped at rest. Deliberately not an HttpProblem, so the
 * client sees a 500 and the log gets the whole error for the security officer.
 */
export class FileIntegrityError extends Error {
  override name = 'FileIntegrityError';
  constructor(
    readonly fileId: string,
    readonly failure: 'envelope' | 'digest' | 'blob_missing',
    options?: { cause?: unknown },
  ) {
    super(`stored file ${fileId} failed its integrity check (${failure}); it was changed at rest`, options);
  }
}
