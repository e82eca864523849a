import { useTranslation } from 'react-i18next';
import { useAction, useKyc } from '@/app/kyc-context';
import { DeleteMyData } from '@/components/delete-my-data';
import { Screen } from '@/components/screen';
import type { Details } from '@/lib/details';
import { DetailsForm } from './details-form';

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

const empty: Details = { firstName: '', lastName: '', dateOfBirth: '', email: '' };

/**
 * WelcomeScreen is the landing page (no case yet: the details and "Start KYC") and the `welcome`
 * state, where the details stay editable (Continue saves a change first) until submission.
 */
export function WelcomeScreen() {
  const { snap, client } = useKyc();
  const run = useAction();
  const { t } = useTranslation();
  const c = snap.case;

  if (c) {
    const a = c.applicant;
    const saved: Details = { firstName: a.firstName ?? '', lastName: a.lastName ?? '', dateOfBirth: a.dateOfBirth ?? '', email: a.email ?? '' };
    const next = (d: Details) =>
      void run(async () => {
        const changed = (Object.keys(d) as (keyof Details)[]).some((k) => d[k] !== saved[k]);
        if (changed) await client.updateDetails({ ...d, email: d.email || null });
        return client.next();
      });
    return (
      <Screen state="welcome" title={t('welcome.startedTitle')}>
        <p className="lead">{t('welcome.startedLead')}</p>
        <Needs />
        <p>{t('welcome.saved')}</p>
        {/* keyed by the case's version: a change from elsewhere (another device) refills the form */}
        <DetailsForm key={`${c.id}:${c.version}`} initial={saved} submitLabel={t('screen.continue')} onSubmit={next} />
        <DeleteMyData />
      </Screen>
    );
  }

  // A retry after a half-failed start (case made, chart not loaded) must not open a second case.
  const start = (d: Details) =>
    void run(async () => {
      if (client.case) await client.loadWorkflow();
      else await client.start({ ...d, email: d.email || null });
    });

  return (
    <Screen state="welcome" title={t('welcome.title')}>
      <p className="lead">{t('welcome.lead')}</p>
      <Needs />
      <DetailsForm initial={empty} submitLabel={t('welcome.start')} onSubmit={start} />
    </Screen>
  );
}
