// Package photocheck runs the automatic checks of an uploaded photo: resolution, sharpness,
// exposure, glare, and the perceptual hash that finds the same photo sent again (in the same
// case or in another). Pure Go, no cgo, no network: it works on a small grey copy of the
// decoded image. Every threshold is in thresholds.go.
//
// Imports the standard library and goimagehash; never ent, graph or server (depguard holds this).
package photocheck
