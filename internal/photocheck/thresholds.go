package photocheck

// Every threshold of the checks, in one place. They were tuned on the synthetic photos the
// tests draw (internal/testphoto scenes: sharp ID cards on a desk, the same blurred, darkened,
// brightened, with a glare spot, flat); the table of TestThresholdTable (photocheck_test.go)
// (printed with -v) and in bench/RESULTS.md shows each threshold against the true and false
// positives it gives on them.
const (
	// MinSide is the shorter side, in pixels, below which an upload is refused outright
	// (BAD_USER_INPUT) before anything is stored: nothing can be read on it.
	MinSide = 200

	// DocumentFailSide and DocumentWarnSide: a document photo whose shorter side is below
	// them FAILs (its text cannot be read) or WARNs. The KYC app keeps at least 2,000 px on
	// the long side, so a phone photo is far above both.
	DocumentFailSide = 600
	DocumentWarnSide = 800
	// SelfieFailSide and SelfieWarnSide: the same for a selfie, whose face fills more of the
	// frame; 720 is the shorter side of the smallest front camera still sold (720p).
	SelfieFailSide = 480
	SelfieWarnSide = 720

	// WorkSide is the longer side of the grey copy the checks run on: the image is shrunk by
	// a whole factor (an area average) until its longer side is at most this, which also
	// puts the sharpness of photos of different sizes on one scale.
	WorkSide = 800

	// SharpnessWarn and SharpnessFail bound the sharpness score: the variance of the
	// Laplacian of the grey copy divided by the square of its contrast (the 98th minus the
	// 2nd percentile of brightness, 0–255), times 1,000, so that a dim photo of a sharp card
	// is not called blurred. On the 1,600×1,200 test scenes: sharp 8.5–17; blurred by a
	// Gaussian of 1 px 5.2–6.6 (still readable: PASS), 1.5 px 3.2–3.8, 2 px 2.3–2.7 (WARN),
	// 3 px 1.8–1.9, 4 px 1.6–1.8 (FAIL). Sensor noise sets a floor (about 1.3 for a noise of
	// 3 levels), so a very noisy blurred photo can read sharper than it is.
	// The API's SHARPNESS score is this score divided by SharpnessWarn (1 at the WARN limit).
	SharpnessWarn = 4.5
	SharpnessFail = 2.1

	// Exposure, on brightness 0–1 of the grey copy's percentiles.
	// FlatSpread: when the 98th and 2nd percentiles are closer than this, the photo is one
	// flat colour (a lens cap, a black or white image): FAIL.
	FlatSpread = 0.08
	// DarkFailP98: even the brightest parts (98th percentile) are darker than this: FAIL.
	// DarkWarnMedian: half of the photo is darker than this: WARN.
	DarkFailP98    = 0.22
	DarkWarnMedian = 0.25
	// BrightFailP2: even the darkest parts (2nd percentile) are lighter than this, so no dark
	// text is left: FAIL. BrightWarnP2: WARN.
	BrightFailP2 = 0.70
	BrightWarnP2 = 0.45

	// Glare (documents only): the grey copy is cut in GlareBlock×GlareBlock squares; a square
	// is burnt out when GlareSquareShare of its pixels are at or above GlareLevel (0–255).
	// The share of burnt-out squares WARNs from GlareWarn and FAILs from GlareFail.
	GlareBlock       = 8
	GlareLevel       = 250
	GlareSquareShare = 0.9
	GlareWarn        = 0.01
	GlareFail        = 0.12

	// SameMaxDistance: two photos whose 64-bit perceptual hashes (DCT pHash of the grey copy)
	// differ in at most this many bits are the same picture. 3 is what the index lookup by
	// four 16-bit bands finds exactly (pigeonhole). A re-encoded, re-compressed or slightly
	// shrunk copy of a photo lands at 0–2; different scenes at 20 and more.
	SameMaxDistance = 3
	// SameSharpnessRatio: a perceptual hash ignores fine detail (blur does not move it), so a
	// sharp re-take of a blurred photo in the same framing would match it. Two photos are
	// only the same when their sharpness scores are also within this ratio of each other.
	SameSharpnessRatio = 1.25
)
