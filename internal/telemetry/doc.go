// Package telemetry owns what the server tells operators about a request beyond its answer:
// request ids (every request carries one, echoed in X-Request-Id and added to its log
// lines), OpenTelemetry tracing (off unless the standard OTEL_* environment names an
// endpoint; spans carry names, codes and ids only, never an applicant's details or a
// token), and the labels metrics and spans share (OperationLabel, OutcomeCode).
//
// It may import gqlgen (the operation context), ent (a webhook delivery's ids) and workflow
// (error codes); never graph or server (depguard holds this).
package telemetry
