import { useState, type FormEvent } from 'react';
import { useAction, useKyc } from '@/app/kyc-context';
import { DeleteMyData } from '@/components/delete-my-data';
import { Actions, ContinueButton, Screen } from '@/components/screen';

const needs = (
  <ul className="checklist">
    <li>An ID card, passport, driver's license or voter ID</li>
    <li>A camera, or photos you already have (JPEG, PNG or WebP)</li>
    <li>About 3 minutes, in a well-lit place</li>
  </ul>
);

/** WelcomeScreen is the landing page (no case yet: "Start KYC") and the `welcome` state. */
export function WelcomeScreen() {
  const { snap, client } = useKyc();
  const run = useAction();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');

  if (snap.case) {
    return (
      <Screen state="welcome" title="Before you start">
        <p className="lead">We will ask you for two photos: one of an identity document and one of your face.</p>
        <h2>What you need</h2>
        {needs}
        <p>Your progress is saved as you go. You can stop and continue later, on this or another device.</p>
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
    <Screen state="welcome" title="Verify your identity">
      <p className="lead">To keep your account safe, we need to confirm who you are. It takes about 3 minutes.</p>
      <h2>What you need</h2>
      {needs}
      <form onSubmit={start} className="form" noValidate>
        <fieldset>
          <legend>Your details (optional)</legend>
          <div className="field">
            <label htmlFor="first-name">First name</label>
            <input id="first-name" autoComplete="given-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="last-name">Last name</label>
            <input id="last-name" autoComplete="family-name" value={lastName} onChange={(e) => setLastName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="email">Email</label>
            <input id="email" type="email" autoComplete="email" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
        </fieldset>
        <Actions>
          <button type="submit" className="button primary" disabled={snap.pending !== null}>
            Start KYC
          </button>
        </Actions>
      </form>
    </Screen>
  );
}
