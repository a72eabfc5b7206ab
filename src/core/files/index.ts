/**
 * The file store's public API: modules store, check and send files only through here, so one
 * layout (`<dataDir>/files/ab/cd/<sha256>`) and one set of download headers serve them all.
 */
export {
  FILES_FOLDER,
  hasStoredFile,
  isSha256,
  listStoredFiles,
  removeStaleTempFiles,
  sha256Of,
  storedFilePath,
  storeFile,
  type StoredFile,
} from './store-file.js';
export {
  contentDisposition,
  readStoredFile,
  sendStoredFile,
  type FileToSend,
  type SendOptions,
} from './send-stored-file.js';
export {
  LEGACY_BLOBS_FOLDER,
  moveLegacyBlobs,
  type LegacyMoveResult,
} from './move-legacy-blobs.js';
export { UPLOAD_TYPES, sanitizeFileName, sniffUploadKind, type UploadKind } from './upload-kind.js';
