// Package mrztest makes test material for package mrz: random identities, the
// MRZ lines ICAO Doc 9303 prescribes for them, and photos of documents that
// carry them (rendered with the OCR-B font, which the caller supplies).
//
// It is for tests and generators only; nothing in the server imports it.
package mrztest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/openkyc/kyc-manual-review/internal/mrz"
)

// Identity is what a document says about its holder, in MRZ terms.
type Identity struct {
	// Format is the layout to write.
	Format mrz.Format
	// DocumentCode is "P", "PN", "I", "ID", "AC"…
	DocumentCode string
	// IssuingCountry and Nationality are ICAO codes ("D" for Germany).
	IssuingCountry, Nationality string
	// DocumentNumber may exceed 9 characters for TD1 and TD2: it then
	// overflows into the optional data.
	DocumentNumber string
	// Surname and GivenNames use spaces between name parts; they are
	// truncated to fit.
	Surname, GivenNames string
	// DateOfBirth and ExpiryDate are YYMMDD.
	DateOfBirth, ExpiryDate string
	// Sex is 'M', 'F' or '<'.
	Sex byte
	// OptionalData is TD1's line-1 optional data, TD2's optional data or
	// TD3's personal number; OptionalData2 is TD1's line-2 optional data.
	OptionalData, OptionalData2 string
}

// Lines writes id's MRZ with correct check digits.
func Lines(id Identity) []string {
	code := pad(id.DocumentCode, 2)
	head := code + pad(id.IssuingCountry, 3)
	sex := string(id.Sex)
	dob := id.DateOfBirth + digit(id.DateOfBirth)
	exp := id.ExpiryDate + digit(id.ExpiryDate)
	switch id.Format {
	case mrz.TD1:
		num, opt := number(id.DocumentNumber, id.OptionalData, 15)
		l1 := head + num + opt
		mid := dob + sex + exp + pad(id.Nationality, 3) + pad(id.OptionalData2, 11)
		l2 := mid + digit(l1[5:30]+mid[0:7]+mid[8:15]+mid[18:29])
		return []string{l1, l2, Name(id.Surname, id.GivenNames, 30)}
	case mrz.TD2:
		num, opt := number(id.DocumentNumber, id.OptionalData, 7)
		l2 := num + pad(id.Nationality, 3) + dob + sex + exp + opt
		return []string{head + Name(id.Surname, id.GivenNames, 31), l2 + digit(l2[0:10]+l2[13:20]+l2[21:35])}
	default:
		personal := pad(id.OptionalData, 14)
		pcd := digit(personal)
		if strings.Trim(personal, "<") == "" {
			pcd = "<"
		}
		num := pad(id.DocumentNumber, 9)
		l2 := num + digit(num) + pad(id.Nationality, 3) + dob + sex + exp + personal + pcd
		return []string{head + Name(id.Surname, id.GivenNames, 39), l2 + digit(l2[0:10]+l2[13:20]+l2[21:43])}
	}
}

// number writes a TD1/TD2 document number and its check digit, overflowing a
// long number into the optional data (Doc 9303 Part 5, 4.2.2 note j).
func number(n, optional string, width int) (numberAndDigit, opt string) {
	if len(n) <= 9 {
		p := pad(n, 9)
		return p + digit(p), pad(optional, width)
	}
	return n[:9] + "<", pad(n[9:]+digit(n)+"<"+optional, width)
}

// Name writes a name field of the given width: surname, "<<", given names,
// spaces and hyphens as '<', truncated the simple ICAO way (given names first,
// keeping one letter of them; a surname alone is cut at the width).
func Name(surname, given string, width int) string {
	s := toFiller(surname)
	g := toFiller(given)
	if g == "" {
		return pad(s, width)[:width]
	}
	if len(s)+3 > width {
		s = s[:width-3]
	}
	if len(s)+2+len(g) > width {
		g = g[:width-2-len(s)]
	}
	return pad(s+"<<"+g, width)
}

func toFiller(s string) string {
	return strings.NewReplacer(" ", "<", "-", "<", "'", "").Replace(strings.ToUpper(s))
}

func pad(s string, n int) string {
	if len(s) >= n {
		return s[:n]
	}
	return s + strings.Repeat("<", n-len(s))
}

func digit(s string) string { return fmt.Sprint(mrz.CheckDigit(s)) }

var (
	syllables = []string{"AN", "BE", "CA", "DO", "EL", "FI", "GU", "HA", "IN", "JO", "KA", "LU", "MA", "NO", "OR", "PE", "QUI", "RA", "SO", "TA", "UL", "VE", "WI", "XA", "YO", "ZE", "SCH", "MIT", "BERG", "STR", "OWSKI", "SEN"}
	// Countries a random identity draws from: real codes, and Germany's D.
	Countries = []string{"DEU", "D", "FRA", "ITA", "ESP", "PRT", "NLD", "BEL", "AUT", "CHE", "POL", "SWE", "NOR", "FIN", "DNK", "IRL", "GBR", "USA", "CAN", "MEX", "BRA", "ARG", "JPN", "KOR", "CHN", "IND", "AUS", "NZL", "ZAF", "NGA", "EGY", "TUR", "GRC", "UKR", "XXA", "GBD", "EUE", "UNO"}
)

func word(r *rand.Rand, minSyl, maxSyl int) string {
	n := minSyl + r.IntN(maxSyl-minSyl+1)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

func words(r *rand.Rand, n, minSyl, maxSyl int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = word(r, minSyl, maxSyl)
	}
	return strings.Join(w, " ")
}

func alnum(r *rand.Rand, n int, digitsOnly bool) string {
	const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		if digitsOnly || r.IntN(3) > 0 {
			b[i] = chars[26+r.IntN(10)]
		} else {
			b[i] = chars[r.IntN(26)]
		}
	}
	return string(b)
}

// RandomIdentity returns a random, valid identity in format f, born between
// 1935 and 2011 and expiring between 2016 and 2036 (so that ParseAt with a
// now in 2026 resolves both centuries the way they were drawn). Names are
// sometimes long enough to be truncated; TD1/TD2 document numbers are
// sometimes long enough to overflow.
func RandomIdentity(r *rand.Rand, f mrz.Format) Identity {
	id := Identity{
		Format:         f,
		IssuingCountry: Countries[r.IntN(len(Countries))],
		Nationality:    Countries[r.IntN(len(Countries))],
		Sex:            "MF<"[r.IntN(3)],
	}
	switch f {
	case mrz.TD3:
		id.DocumentCode = []string{"P", "P", "P", "PN", "PD"}[r.IntN(5)]
		if r.IntN(2) == 0 {
			id.OptionalData = alnum(r, 4+r.IntN(10), r.IntN(2) == 0)
		}
	default:
		id.DocumentCode = []string{"I", "ID", "IR", "AC", "C"}[r.IntN(5)]
		if r.IntN(2) == 0 {
			id.OptionalData = alnum(r, 1+r.IntN(3), false)
		}
		if f == mrz.TD1 && r.IntN(2) == 0 {
			id.OptionalData2 = alnum(r, 1+r.IntN(10), false)
		}
	}
	n := 6 + r.IntN(4)
	if f != mrz.TD3 && r.IntN(6) == 0 {
		n = 10 + r.IntN(3)
	}
	id.DocumentNumber = alnum(r, n, false)
	if f == mrz.TD2 && id.DocumentCode == "ID" && id.IssuingCountry == "FRA" {
		id.IssuingCountry = "BEL" // the peer reads "IDFRA" 36-character MRZs as the old French ID card
	}
	switch r.IntN(8) {
	case 0: // long names, truncated
		id.Surname = words(r, 1+r.IntN(2), 3, 6)
		id.GivenNames = words(r, 2+r.IntN(2), 2, 5)
	case 1: // no given names, the surname sometimes filling the field
		id.Surname = words(r, 1+r.IntN(3), 2, 6)
	default:
		id.Surname = words(r, 1+r.IntN(2), 1, 3)
		id.GivenNames = words(r, 1+r.IntN(2), 1, 3)
	}
	id.DateOfBirth = randomDate(r, 1935, 2011)
	id.ExpiryDate = randomDate(r, 2016, 2036)
	return id
}

func randomDate(r *rand.Rand, from, to int) string {
	y := from + r.IntN(to-from+1)
	m := 1 + r.IntN(12)
	d := 1 + r.IntN(28)
	return fmt.Sprintf("%02d%02d%02d", y%100, m, d)
}
