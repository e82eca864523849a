// Package mrz reads the machine-readable zone (MRZ) of identity documents as
// defined by ICAO Doc 9303: passports (TD3, 2×44), TD2 cards (2×36) and TD1
// cards (3×30).
//
// It owns two things and nothing else:
//
//   - [Parse] and [ParseAt], pure functions from MRZ text lines to typed
//     [Data] and typed [Problem]s (field + code), with the 7-3-1 check digits,
//     the composite digit, name fillers, the TD1/TD2 long document number and
//     the century rule for two-digit years. They know nothing of images.
//   - [Read], which finds the MRZ band on a document photo, deskews it, splits
//     it into fixed-pitch OCR-B characters, classifies them against glyph
//     templates and lets the check digits and each field's character class
//     decide between look-alikes (0/O, 1/I, 5/S, 8/B, 2/Z). It returns the lines
//     with per-character confidence; the parse result rides along.
//
// The classifier is ours because no OCR-B model is published on a registry we
// can use, and general OCR engines read MRZs badly without one. Recognising 37
// glyphs of one fixed-pitch font is a small problem: the templates are rendered
// from the public-domain OCR-B font of Debian's fonts-ocr-b package by
// cmd/gentemplates and committed as data (templates.bin), so nothing here needs
// the font at run time. See testdata/README.md for the font's licence.
//
// Test material lives beside it: package mrztest (random identities, their
// MRZ lines, rendered document photos), cmd/gencorpus (the parser's peer
// corpus), cmd/gentemplates and cmd/genphoto. Those use the OCR-B font in
// testdata/ocrb; the package itself does not.
//
// The package is pure analysis: text or pixels in, typed results out. It may
// import the standard library and golang.org/x/image only, nothing of ours (no
// database, no network, no GraphQL); golangci-lint's depguard holds that.
package mrz
