// Package @kyc/sdk: the headless KYC client. See README.md.
export { createKycClient, usablePhoto, photoTypeFor, currentDocument, isRefused, refusedBack, linkExpiry, TOKEN_KEY, MAX_UPLOAD_BYTES, UPLOAD_TYPES, FALLBACK_LIMITS, LINK_REFRESH_EARLY_MS } from './client';
export type { KycClient, KycClientOptions, KycSnapshot, Case, KycDocument, NextPayload, TokenStorage, UploadLimits, UploadState } from './client';
export { KycError, isKycError, isDefiniteRefusal, SERVER_ERROR_CODES } from './errors';
export type { KycErrorCode, ServerErrorCode } from './errors';
export { createLiveSocket } from './socket';
export type { LiveSocket, LiveSocketOptions } from './socket';
export { buildMachine, buildChart } from './machine';
export type { Chart, Workflow, WorkflowState, StepEvent } from './machine';
export { createHttpTransport, extractFiles } from './transport';
export type { Transport, SubscriptionSink, ConnectionState, HttpTransportOptions, Document } from './transport';
export type { CaseStatus, DocumentType, DocumentSide, DocumentStatus, StartCaseInput } from './gql/graphql';
