import { KycError, type KycErrorCode } from '@kyc/sdk';
import { i18n } from '@/i18n';

/** retryable codes get a "Try again" button: repeating the same request may work. */
export const retryable = new Set<KycErrorCode>(['NETWORK', 'INTERNAL', 'COMPLEXITY_LIMIT_EXCEEDED']);

/**
 * HumanError is an app-made error for the applicant. Its message is a catalog key (see
 * src/i18n/index.ts), with `values` for the key's {{placeholders}}, so that it is shown in the
 * language on screen (also after a switch); text that is no key is shown as it is.
 */
export class HumanError extends KycError {
  readonly values?: Record<string, string | number>;
  constructor(key: string, values?: Record<string, string | number>) {
    super('BAD_USER_INPUT', key);
    this.values = values;
  }
}

/** copyFor is the text shown for an error, in the current language: what happened and what to do. */
export function copyFor(error: KycError): string {
  if (error instanceof HumanError) {
    // A key built at run time: i18next's key types cannot check it, i18n.exists does.
    const t = i18n.t as unknown as (key: string, values?: Record<string, string | number>) => string;
    return i18n.exists(error.message) ? t(error.message, error.values) : error.message;
  }
  return i18n.exists(`errors.${error.code}`) ? i18n.t(`errors.${error.code}`) : i18n.t('errors.INTERNAL');
}
