import type { DocumentType } from '@kyc/sdk';
import { useState } from 'react';
import { useKyc, useShownError } from '@/app/kyc-context';
import { Actions, ContinueButton, Screen } from '@/components/screen';
import { HumanError } from '@/lib/error-copy';
import { documentLabel, identityTypes } from '@/lib/labels';

const hints: Record<(typeof identityTypes)[number], string> = {
  ID_CARD: 'National identity card, front side',
  PASSPORT: 'The page with your photo',
  DRIVERS_LICENSE: 'Front side, with your photo',
  VOTER_ID: 'Front side, with your photo',
};

/** DocumentSelectionScreen is the `document_selection` state: which identity document. */
export function DocumentSelectionScreen() {
  const { snap, client } = useKyc();
  const { clear } = useShownError();
  const [choice, setChoice] = useState<DocumentType | null>(snap.case?.selectedDocumentType ?? null);

  async function next() {
    if (!choice) throw new HumanError('Choose the document you will photograph, then continue.');
    return client.next({ documentType: choice });
  }

  return (
    <Screen state="document_selection" title="Choose your document">
      <fieldset className="choices">
        <legend>Which document will you photograph?</legend>
        {identityTypes.map((t) => (
          <div className="choice" key={t}>
            <input
              type="radio"
              id={`doc-${t}`}
              name="document-type"
              value={t}
              checked={choice === t}
              onChange={() => {
                setChoice(t);
                clear();
              }}
              aria-describedby={`doc-${t}-hint`}
            />
            <label htmlFor={`doc-${t}`}>{documentLabel[t]}</label>
            <span className="choice-hint" id={`doc-${t}-hint`}>
              {hints[t]}
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
