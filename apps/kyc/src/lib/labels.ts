import type { DocumentType } from '@kyc/sdk';

/** identityTypes are the choices on document_selection, in display order. */
export const identityTypes = ['ID_CARD', 'PASSPORT', 'DRIVERS_LICENSE', 'VOTER_ID'] as const satisfies readonly DocumentType[];

// A document type's name in each language is in src/i18n/locales: `labels.document.<TYPE>` names
// it on its own ("ID card"), `photo.noun.<TYPE>` inside a sentence ("Your current ID card photo").
