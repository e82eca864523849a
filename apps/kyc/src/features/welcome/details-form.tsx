import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKyc } from '@/app/kyc-context';
import { Actions } from '@/components/screen';
import { checkDetails, normalise, type Details, type DetailsErrorKey, type DetailsField } from '@/lib/details';

interface DetailsFormProps {
  initial: Details;
  submitLabel: string;
  /** onSubmit gets the checked, trimmed details. */
  onSubmit: (details: Details) => void;
  children?: ReactNode;
}

const fields: { name: DetailsField; required: boolean; type: string; autoComplete: string; inputMode?: 'email' }[] = [
  { name: 'firstName', required: true, type: 'text', autoComplete: 'given-name' },
  { name: 'lastName', required: true, type: 'text', autoComplete: 'family-name' },
  { name: 'dateOfBirth', required: true, type: 'date', autoComplete: 'bday' },
  { name: 'email', required: false, type: 'email', autoComplete: 'email', inputMode: 'email' },
];

const ids: Record<DetailsField, string> = { firstName: 'first-name', lastName: 'last-name', dateOfBirth: 'date-of-birth', email: 'email' };

/**
 * DetailsForm asks for the applicant's details: first and last name and date of birth (required),
 * email (optional). Each mistake is shown under its field (aria-invalid, aria-describedby) and
 * focus goes to the first one; the server checks the same rules again.
 */
export function DetailsForm({ initial, submitLabel, onSubmit, children }: DetailsFormProps) {
  const { snap } = useKyc();
  const { t } = useTranslation();
  const hintId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Details>(initial);
  const [errors, setErrors] = useState<Partial<Record<DetailsField, DetailsErrorKey>>>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkDetails(values);
    setErrors(found);
    const first = fields.find((f) => found[f.name]);
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`#${ids[first.name]}`)?.focus();
      return;
    }
    onSubmit(normalise(values));
  }

  const hint = (name: DetailsField) =>
    name === 'dateOfBirth' ? t('welcome.dateOfBirthHint') : name === 'email' ? t('welcome.emailHint') : null;

  return (
    <form ref={form} onSubmit={submit} className="form" noValidate>
      <fieldset aria-describedby={hintId}>
        <legend>{t('welcome.detailsLegend')}</legend>
        <p className="hint" id={hintId}>
          {t('welcome.detailsHint')}
        </p>
        {fields.map((f) => {
          const id = ids[f.name];
          const error = errors[f.name];
          const described = [hint(f.name) ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
          return (
            <div className={error ? 'field field-invalid' : 'field'} key={f.name}>
              <label htmlFor={id}>
                {t(`welcome.${f.name}`)}
                {f.required && (
                  <>
                    <span aria-hidden="true"> *</span>
                    <span className="visually-hidden"> {t('welcome.required')}</span>
                  </>
                )}
              </label>
              {hint(f.name) && (
                <span className="hint" id={`${id}-hint`}>
                  {hint(f.name)}
                </span>
              )}
              {error && (
                <span className="field-error" id={`${id}-error`}>
                  {t(`welcome.fieldErrors.${error}`)}
                </span>
              )}
              <input
                id={id}
                name={f.name}
                type={f.type}
                autoComplete={f.autoComplete}
                inputMode={f.inputMode}
                required={f.required}
                aria-required={f.required || undefined}
                aria-invalid={error ? true : undefined}
                aria-describedby={described || undefined}
                value={values[f.name]}
                onChange={(e) => {
                  const value = e.target.value;
                  setValues((v) => ({ ...v, [f.name]: value }));
                  if (error) setErrors((es) => ({ ...es, [f.name]: undefined }));
                }}
              />
            </div>
          );
        })}
      </fieldset>
      {children}
      <Actions>
        <button type="submit" className="button primary" disabled={snap.pending !== null} aria-busy={snap.pending === 'start' || snap.pending === 'details' || undefined}>
          {submitLabel}
        </button>
      </Actions>
    </form>
  );
}
