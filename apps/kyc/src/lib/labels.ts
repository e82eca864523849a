import type { DocumentType } from '@kyc/sdk';

/** documentLabel names a document type the way the applicant reads it. */
export const documentLabel: Record<DocumentType, string> = {
  ID_CARD: 'ID card',
  PASSPORT: 'Passport',
  DRIVERS_LICENSE: "Driver's license",
  VOTER_ID: 'Voter ID',
  SELFIE: 'Selfie',
};

/** identityTypes are the choices on document_selection, in display order. */
export const identityTypes = ['ID_CARD', 'PASSPORT', 'DRIVERS_LICENSE', 'VOTER_ID'] as const satisfies readonly DocumentType[];

/** documentNoun names a document type inside a sentence ("Photograph your ID card"). */
export const documentNoun: Record<DocumentType, string> = {
  ID_CARD: 'ID card',
  PASSPORT: 'passport',
  DRIVERS_LICENSE: "driver's license",
  VOTER_ID: 'voter ID',
  SELFIE: 'selfie',
};
