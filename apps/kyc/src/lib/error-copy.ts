import { KycError, type KycErrorCode } from '@kyc/sdk';

/** errorCopy is what the applicant reads for each error code: what happened and what to do. */
export const errorCopy: Record<KycErrorCode, string> = {
  UNAUTHENTICATED: 'This link no longer opens your verification: it has expired or was replaced. Ask us for a new link, or start a new verification.',
  FORBIDDEN: 'This link does not give access to that verification.',
  NOT_FOUND: 'We could not find this verification. The link may be incomplete or no longer valid.',
  BAD_USER_INPUT: 'Something is missing on this step. Please check it and try again.',
  INVALID_TRANSITION: 'That step is not available right now. We have taken you to where your verification is.',
  CONFLICT: 'Your verification changed in another window or device. We have loaded the latest version.',
  PAYLOAD_TOO_LARGE: 'This photo is too large. Please use a photo smaller than 10 MB.',
  UNSUPPORTED_MEDIA_TYPE: 'This file type is not supported. Please use a JPEG, PNG or WebP photo.',
  COMPLEXITY_LIMIT_EXCEEDED: 'Something went wrong on our side. Please try again in a moment.',
  RATE_LIMITED: 'Too many attempts from your network. Please wait a few minutes and try again.',
  INTERNAL: 'Something went wrong on our side. Please try again in a moment.',
  NETWORK: 'We could not reach our server. Check your internet connection and try again.',
  UPLOAD_REQUIRED: 'Please add a photo before you continue.',
  NO_CASE: 'Please start your verification first.',
};

/** retryable codes get a "Try again" button: repeating the same request may work. */
export const retryable = new Set<KycErrorCode>(['NETWORK', 'INTERNAL', 'COMPLEXITY_LIMIT_EXCEEDED']);

/** HumanError is an app-made error whose message is already written for the applicant. */
export class HumanError extends KycError {
  constructor(copy: string) {
    super('BAD_USER_INPUT', copy);
  }
}

/** copyFor is the text shown for an error. */
export function copyFor(error: KycError): string {
  return error instanceof HumanError ? error.message : (errorCopy[error.code] ?? errorCopy.INTERNAL);
}
