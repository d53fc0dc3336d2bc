export type { BlobStore } from './blobStore.ts';
export { BlobNotFoundError } from './blobStore.ts';
export type { FileStore, MaterialUpload, StoredFile } from './fileService.ts';
export {
  attachFiles,
  cleanFileName,
  listCaseFiles,
  openFileStore,
  readFile,
  replaceFileContent,
  storeFile,
} from './fileService.ts';
export { localBlobStore } from './localStore.ts';
export type { Upload } from './multipart.ts';
export { readUpload, registerMultipart } from './multipart.ts';
export {
  FILE_FIELD,
  FileInfectedProblem,
  FileIntegrityError,
  FileMissingProblem,
  FileScanUnavailableProblem,
  FileTooLargeProblem,
  FileTypeMismatchProblem,
  FileTypeNotAllowedProblem,
} from './problems.ts';
export { s3BlobStore } from './s3Store.ts';
export type { ClamdOptions, MalwareScanner, ScanVerdict } from './scanner.ts';
export { clamdScanner, noScanner } from './scanner.ts';
export type { AllowedType } from './sniff.ts';
export { ALLOWED_TYPES, checkMaterialType, sniffType } from './sniff.ts';
