// Package testphoto makes realistic test photos for the upload tests: a document card on a
// lit desk with fine texture and sensor noise, so that encoders see what a phone sends (not a
// flat or tiny image), and EXIF segments written by hand.
//
// For tests and fixture generators only; imports the standard library.
package testphoto
