import { KycError, type ServerErrorCode } from '@kyc/sdk/errors';

/** One line of copy for each of the server's codes (the SDK's list) and for NETWORK. */
const COPY: Record<ServerErrorCode | 'NETWORK', string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'You are not allowed to do this. The case may be assigned to another reviewer.',
  NOT_FOUND: 'This case does not exist, or it was removed.',
  BAD_USER_INPUT: 'The server did not accept this input.',
  INVALID_TRANSITION: 'This is not possible in the case’s current status.',
  CONFLICT: 'This case changed while you were looking at it. Review it again.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'This file type is not supported.',
  COMPLEXITY_LIMIT_EXCEEDED: 'The request was too complex for the server.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  INTERNAL: 'Something went wrong on the server. Try again in a moment.',
  PHOTO_CHECK_FAILED: 'A current photo failed the automatic checks: the applicant must retake it.',
  NETWORK: 'The server cannot be reached. Check your connection and try again.',
};

/**
 * errorMessage maps a failure to copy for the reviewer. For refusals where the server's own
 * message is specific (bad input, forbidden, invalid transition) it is appended as detail.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof KycError)) return COPY.INTERNAL;
  const base = error.code in COPY ? COPY[error.code as keyof typeof COPY] : COPY.INTERNAL;
  const detailed = error.code === 'BAD_USER_INPUT' || error.code === 'RATE_LIMITED' || error.code === 'FORBIDDEN' || error.code === 'INVALID_TRANSITION';
  if (detailed && error.message && !base.includes(error.message)) return `${base} (${error.message})`;
  return base;
}
