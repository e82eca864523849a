import type { DocumentType } from '@kyc/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKyc, useShownError } from '@/app/kyc-context';
import { Actions, ContinueButton, Screen } from '@/components/screen';
import { HumanError } from '@/lib/error-copy';
import { identityTypes } from '@/lib/labels';

/** DocumentSelectionScreen is the `document_selection` state: which identity document. */
export function DocumentSelectionScreen() {
  const { snap, client } = useKyc();
  const { clear } = useShownError();
  const { t } = useTranslation();
  const [choice, setChoice] = useState<DocumentType | null>(snap.case?.selectedDocumentType ?? null);

  async function next() {
    if (!choice) throw new HumanError('selection.required');
    return client.next({ documentType: choice });
  }

  return (
    <Screen state="document_selection" title={t('selection.title')}>
      <fieldset className="choices">
        <legend>{t('selection.legend')}</legend>
        {identityTypes.map((type) => (
          <div className="choice" key={type}>
            <input
              type="radio"
              id={`doc-${type}`}
              name="document-type"
              value={type}
              checked={choice === type}
              onChange={() => {
                setChoice(type);
                clear();
              }}
              aria-describedby={`doc-${type}-hint`}
            />
            <label htmlFor={`doc-${type}`}>{t(`labels.document.${type}`)}</label>
            <span className="choice-hint" id={`doc-${type}-hint`}>
              {t(`selection.hint.${type}`)}
            </span>
          </div>
        ))}
      </fieldset>
      <Actions>
        <ContinueButton onClick={next} />
      </Actions>
    </Screen>
  );
}
