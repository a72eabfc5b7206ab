export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED';

const STATUS = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
} as const satisfies Record<ErrorCode, number>;

/**
 * The one error family. `code` is for programs, `messageKey` (an i18n key) for people,
 * `details` for the message's parameters and for field errors, `cause` for developers.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(messageKey, options);
    this.name = new.target.name;
  }
  get status(): (typeof STATUS)[ErrorCode] {
    return STATUS[this.code];
  }
}

export class ValidationError extends AppError {
  /** `fieldErrors` maps a form field to an i18n key or a ready Thai message. */
  constructor(
    key = 'errors.validation',
    readonly fieldErrors: Record<string, string> = {},
    details?: Record<string, unknown>,
  ) {
    super('VALIDATION', key, { ...details, fieldErrors });
  }
}
export class UnauthenticatedError extends AppError {
  constructor(key = 'errors.unauthenticated') {
    super('UNAUTHENTICATED', key);
  }
}
export class ForbiddenError extends AppError {
  constructor(key = 'errors.forbidden', details?: Record<string, unknown>) {
    super('FORBIDDEN', key, details);
  }
}
/** Also what another agency's record looks like: never FORBIDDEN, so existence is not confirmed. */
export class NotFoundError extends AppError {
  constructor(key = 'errors.notFound', details?: Record<string, unknown>) {
    super('NOT_FOUND', key, details);
  }
}
export class ConflictError extends AppError {
  constructor(key = 'errors.conflict', details?: Record<string, unknown>) {
    super('CONFLICT', key, details);
  }
}
export class RateLimitedError extends AppError {
  constructor(key = 'errors.rateLimited', details?: Record<string, unknown>) {
    super('RATE_LIMITED', key, details);
  }
}
/**
 * A file over its own limit, found after the request body was read (the body limit refuses
 * bigger requests before that): 413, with the field it came in so the form can say so.
 */
export class FileTooLargeError extends AppError {
  constructor(
    key: string,
    readonly fieldErrors: Record<string, string> = {},
    details?: Record<string, unknown>,
  ) {
    super('PAYLOAD_TOO_LARGE', key, { ...details, fieldErrors });
  }
}
