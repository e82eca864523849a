/**
 * SERVER_ERROR_CODES are the server's `extensions.code` values (API.md, "Errors"; graph/errors.go).
 * The one list in the apps: the KYC app and the backoffice import it from here.
 */
export const SERVER_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INVALID_TRANSITION',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'COMPLEXITY_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'INTERNAL',
  'PHOTO_CHECK_FAILED', // leaving a photo step (or submitting) while its current photo fails a check
] as const;

/** ServerErrorCode is one of SERVER_ERROR_CODES. */
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/** KycErrorCode lists the server's `extensions.code` values plus the client's own refusals. */
export type KycErrorCode =
  | ServerErrorCode
  // from the client
  | 'NETWORK' // the request never got an answer (offline, DNS, reset connection)
  | 'UPLOAD_REQUIRED' // leaving a photo step forward before an upload succeeded
  | 'NO_CASE'; // an operation that needs a case before start() or resume()

const serverCodes = new Set<string>(SERVER_ERROR_CODES);

/** KycError is every error the SDK throws: a stable code to branch on and the server's message. */
export class KycError extends Error {
  readonly code: KycErrorCode;
  /**
   * answered is true when the GraphQL server itself gave this answer (a GraphQL error in its
   * response, or a well-formed result that says so); false for a network failure, a timeout,
   * a proxy's bare HTTP status or the client's own refusal.
   */
  readonly answered: boolean;

  constructor(code: KycErrorCode, message: string, options?: { cause?: unknown; answered?: boolean }) {
    super(message, options);
    this.name = 'KycError';
    this.code = code;
    this.answered = options?.answered ?? false;
  }
}

/** isKycError narrows an unknown failure to a KycError, optionally with one code. */
export function isKycError(err: unknown, code?: KycErrorCode): err is KycError {
  return err instanceof KycError && (code === undefined || err.code === code);
}

/**
 * isDefiniteRefusal tells whether err means "this case token opens nothing" for sure: the server
 * answered UNAUTHENTICATED (unknown, expired or revoked token) or NOT_FOUND. Only then may a
 * client forget a token; an outage (INTERNAL, HTTP 5xx), a timeout or a network failure never.
 */
export function isDefiniteRefusal(err: unknown): boolean {
  return err instanceof KycError && err.answered && (err.code === 'UNAUTHENTICATED' || err.code === 'NOT_FOUND');
}

/** GraphQLErrorLike is the part of a GraphQL response error the SDK reads. */
export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown } | null;
}

/** fromGraphQLErrors turns the first error of a response into a KycError (unknown codes become INTERNAL). */
export function fromGraphQLErrors(errors: readonly GraphQLErrorLike[]): KycError {
  const first = errors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : '';
  return new KycError(serverCodes.has(code) ? (code as KycErrorCode) : 'INTERNAL', first?.message ?? 'Unknown server error', {
    answered: true,
  });
}

const httpCodes: Record<number, KycErrorCode> = {
  0: 'NETWORK',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** fromHttpStatus maps an HTTP failure without a GraphQL body (e.g. a proxy's 413) to a KycError. */
export function fromHttpStatus(status: number, text: string): KycError {
  const code = httpCodes[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_USER_INPUT');
  return new KycError(code, text || `HTTP ${status}`);
}

/** toKycError keeps KycErrors and wraps anything else (a TypeError from fetch is a network failure). */
export function toKycError(err: unknown): KycError {
  if (err instanceof KycError) return err;
  if (err instanceof TypeError) return new KycError('NETWORK', err.message, { cause: err });
  return new KycError('INTERNAL', err instanceof Error ? err.message : String(err), { cause: err });
}
