import { useShownError } from '@/app/kyc-context';
import { copyFor, retryable } from '@/lib/error-copy';

/** ErrorRegion is the one place errors are shown: a role="alert" box with human copy and a retry. */
export function ErrorRegion() {
  const { shown, clear } = useShownError();
  if (!shown) return null;
  const { error, retry } = shown;
  return (
    <div role="alert" className="alert" data-code={error.code}>
      <p>{copyFor(error)}</p>
      <div className="alert-actions">
        {retry && retryable.has(error.code) && (
          <button type="button" className="button secondary small" onClick={retry}>
            Try again
          </button>
        )}
        <button type="button" className="button link small" onClick={clear}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
