// Package jobs owns the durable job queue (River, in the application's own database: its
// tables migrated at start-up) and the jobs that run on it: webhook delivery (one job per
// delivery, the outbox rows graph writes in each change's transaction; signed per Standard
// Webhooks, retried with backoff, through a dialer that refuses non-public addresses at
// connect time), the relay of hand-overs lost to a crash, and the retention runs (bounded,
// each enqueueing the next while cases remain).
//
// It may import ent, workflow and internal/telemetry; never graph or server (depguard holds
// this): the work a job does to cases is handed in as a function (RetentionRun).
package jobs
