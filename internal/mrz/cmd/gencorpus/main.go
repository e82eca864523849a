// Command gencorpus writes the MRZ corpus the parser is compared on with the
// npm mrz package (scripts/mrz-peer): random identities in TD1, TD2 and TD3,
// long names truncated, long TD1/TD2 document numbers, and about a quarter
// deliberately broken (a wrong check digit, a misread character, month 13,
// 30 February, sex Q, an unknown country, a visa code, a digit in a name).
//
//	go run ./internal/mrz/cmd/gencorpus [-n 1500] [-seed 27] [-o internal/mrz/testdata/corpus.json]
//
// The seed fixes the output, so the committed corpus can be regenerated
// byte for byte.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"

	"github.com/openkyc/kyc-manual-review/internal/mrz"
	"github.com/openkyc/kyc-manual-review/internal/mrz/mrztest"
)

// Entry is one MRZ of the corpus.
type Entry struct {
	ID     int        `json:"id"`
	Format mrz.Format `json:"format"`
	Lines  []string   `json:"lines"`
	// Broken says how the entry was broken, empty for a valid one.
	Broken string `json:"broken,omitempty"`
}

func main() {
	n := flag.Int("n", 1500, "number of MRZs")
	seed := flag.Uint64("seed", 27, "random seed")
	out := flag.String("o", "internal/mrz/testdata/corpus.json", "output file")
	flag.Parse()
	r := rand.New(rand.NewPCG(*seed, 9303))
	formats := []mrz.Format{mrz.TD1, mrz.TD2, mrz.TD3}
	entries := make([]Entry, *n)
	for i := range entries {
		f := formats[i%3]
		id := mrztest.RandomIdentity(r, f)
		e := Entry{ID: i, Format: f}
		if r.IntN(4) == 0 {
			e.Lines, e.Broken = broken(r, id)
		} else {
			e.Lines = mrztest.Lines(id)
		}
		entries[i] = e
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep '<' readable
	enc.SetIndent("", " ")
	if err := enc.Encode(entries); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil { //nolint:gosec // a test fixture in the repository
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "wrote %d MRZs to %s\n", len(entries), *out)
}

// checkDigits lists the check-digit positions (line, column) of each format.
var checkDigits = map[mrz.Format][][2]int{
	mrz.TD1: {{0, 14}, {1, 6}, {1, 14}, {1, 29}},
	mrz.TD2: {{1, 9}, {1, 19}, {1, 27}, {1, 35}},
	mrz.TD3: {{1, 9}, {1, 19}, {1, 27}, {1, 42}, {1, 43}},
}

// dates lists where each format's date of birth starts (line, column).
var dates = map[mrz.Format][2]int{mrz.TD1: {1, 0}, mrz.TD2: {1, 13}, mrz.TD3: {1, 13}}

func set(lines []string, line, col int, c byte) {
	b := []byte(lines[line])
	b[col] = c
	lines[line] = string(b)
}

func broken(r *rand.Rand, id mrztest.Identity) ([]string, string) {
	f := id.Format
	switch r.IntN(9) {
	case 0:
		id.DateOfBirth = id.DateOfBirth[:2] + "13" + id.DateOfBirth[4:]
		return mrztest.Lines(id), "month 13"
	case 1:
		id.ExpiryDate = id.ExpiryDate[:2] + "0230"
		return mrztest.Lines(id), "30 February"
	}
	lines := mrztest.Lines(id)
	switch r.IntN(7) {
	case 0:
		cd := checkDigits[f][r.IntN(len(checkDigits[f]))]
		c := lines[cd[0]][cd[1]]
		if c == '<' {
			c = '0'
		}
		set(lines, cd[0], cd[1], '0'+(c-'0'+1+byte(r.IntN(9)))%10)
		return lines, "wrong check digit"
	case 1:
		d := dates[f]
		set(lines, d[0], d[1]+r.IntN(6), "OISBZ"[r.IntN(5)])
		return lines, "letter in a date"
	case 2:
		line, col := 0, 5+r.IntN(9) // the document number
		if f != mrz.TD1 {
			line, col = 1, r.IntN(9)
		}
		set(lines, line, col, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[r.IntN(36)])
		return lines, "changed document number character"
	case 3:
		col := map[mrz.Format]int{mrz.TD1: 7, mrz.TD2: 20, mrz.TD3: 20}[f]
		set(lines, 1, col, "QX1"[r.IntN(3)])
		return lines, "bad sex"
	case 4:
		lines[0] = lines[0][:2] + []string{"ZZZ", "UTO", "AB<"}[r.IntN(3)] + lines[0][5:]
		return lines, "unknown country"
	case 5:
		if f == mrz.TD3 {
			lines[0] = "V<" + lines[0][2:]
		} else {
			lines[0] = []string{"IV", "P<", "X<"}[r.IntN(3)] + lines[0][2:]
		}
		return lines, "bad document code"
	default:
		line, col := 2, r.IntN(5)
		if f != mrz.TD1 {
			line, col = 0, 5+r.IntN(5)
		}
		set(lines, line, col, '0'+byte(r.IntN(10)))
		return lines, "digit in the surname"
	}
}
