import { useTranslation } from 'react-i18next';
import { useKyc } from '@/app/kyc-context';
import { contactHref } from '@/lib/reasons';

/** SupportContact says where to get help (the server's SUPPORT_CONTACT); nothing when none is configured. */
export function SupportContact() {
  const { client } = useKyc();
  const { t } = useTranslation();
  const contact = client.supportContact;
  if (!contact) return null;
  const href = contactHref(contact);
  return (
    <p className="support-contact" data-support-contact>
      {t('support.reach')} {href ? <a href={href}>{contact}</a> : <span>{contact}</span>}
    </p>
  );
}
