import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useKyc } from '@/app/kyc-context';
import { DeleteMyData } from '@/components/delete-my-data';
import { Actions, ContinueButton, Screen } from '@/components/screen';

function Needs() {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('welcome.needsTitle')}</h2>
      <ul className="checklist">
        <li>{t('welcome.needDocument')}</li>
        <li>{t('welcome.needCamera')}</li>
        <li>{t('welcome.needTime')}</li>
      </ul>
    </>
  );
}

/** WelcomeScreen is the landing page (no case yet: "Start KYC") and the `welcome` state. */
export function WelcomeScreen() {
  const { snap, client } = useKyc();
  const run = useAction();
  const { t } = useTranslation();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');

  if (snap.case) {
    return (
      <Screen state="welcome" title={t('welcome.startedTitle')}>
        <p className="lead">{t('welcome.startedLead')}</p>
        <Needs />
        <p>{t('welcome.saved')}</p>
        <Actions>
          <ContinueButton />
        </Actions>
        <DeleteMyData />
      </Screen>
    );
  }

  function start(e: FormEvent) {
    e.preventDefault();
    const applicant = {
      firstName: firstName.trim() || null,
      lastName: lastName.trim() || null,
      email: email.trim() || null,
    };
    // A retry after a half-failed start (case made, chart not loaded) must not open a second case.
    void run(async () => {
      if (client.case) await client.loadWorkflow();
      else await client.start(applicant);
    });
  }

  return (
    <Screen state="welcome" title={t('welcome.title')}>
      <p className="lead">{t('welcome.lead')}</p>
      <Needs />
      <form onSubmit={start} className="form" noValidate>
        <fieldset>
          <legend>{t('welcome.detailsLegend')}</legend>
          <div className="field">
            <label htmlFor="first-name">{t('welcome.firstName')}</label>
            <input id="first-name" autoComplete="given-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="last-name">{t('welcome.lastName')}</label>
            <input id="last-name" autoComplete="family-name" value={lastName} onChange={(e) => setLastName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="email">{t('welcome.email')}</label>
            <input id="email" type="email" autoComplete="email" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
        </fieldset>
        <Actions>
          <button type="submit" className="button primary" disabled={snap.pending !== null}>
            {t('welcome.start')}
          </button>
        </Actions>
      </form>
    </Screen>
  );
}
