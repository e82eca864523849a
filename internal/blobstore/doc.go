// Package blobstore owns where document bytes live outside the database: a folder (Dir,
// written by rename so a crash never leaves half a file), an S3-compatible bucket through
// gocloud.dev/blob (so that replicas on several hosts serve each other's photos), and Sealed,
// the envelope encryption at rest every store is wrapped in (a random data key per object
// under AES-256-GCM, sealed under a rotatable key-encryption key).
//
// It may import only the standard library and gocloud.dev; never graph, server or ent
// (depguard holds this).
package blobstore
