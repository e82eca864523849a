// Package @kyc/sdk: the headless KYC client. See README.md.
export { createKycClient, usablePhoto, photoTypeFor, currentDocument, isRefused, refusedBack, failedPhoto, linkExpiry, TOKEN_KEY, MAX_UPLOAD_BYTES, UPLOAD_TYPES, FALLBACK_LIMITS, LINK_REFRESH_EARLY_MS } from './client';
export type { ApplicantDetails, KycClient, KycClientOptions, KycSnapshot, Case, KycDocument, NextPayload, TokenStorage, UploadLimits, UploadState } from './client';
export { KycError, isKycError, isDefiniteRefusal, SERVER_ERROR_CODES } from './errors';
export type { KycErrorCode, ServerErrorCode } from './errors';
export { createLiveSocket, createLiveChannel } from './socket';
export type { LiveSocket, LiveSocketOptions, LiveChannel, LiveChannelOptions, LiveTransport } from './socket';
export { buildMachine, buildChart } from './machine';
export type { Chart, Workflow, WorkflowState, StepEvent } from './machine';
export { createHttpTransport, extractFiles } from './transport';
export type { Transport, SubscriptionSink, ConnectionState, HttpTransportOptions, Document } from './transport';
export type { CaseStatus, CheckOutcome, DocumentType, DocumentSide, DocumentStatus, StartCaseInput } from './gql/graphql';
