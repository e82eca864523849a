package mrz

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// A class is the set of characters a position of the MRZ allows, as a bit
// mask over alphabet.
type class uint64

func classOf(chars string) class {
	var c class
	for i := range len(chars) {
		c |= 1 << strings.IndexByte(alphabet, chars[i])
	}
	return c
}

var (
	letters     = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits      = "0123456789"
	clsAlpha    = classOf(letters + "<")
	clsDigit    = classOf(digits)
	clsDigitF   = classOf(digits + "<")
	clsAlnum    = classOf(letters + digits + "<")
	clsSex      = classOf("MF<")
	clsCardCode = classOf("ACI")
)

// span is a run of positions [from, to) on one line with one class.
type span struct {
	line, from, to int
	cls            class
}

// layouts gives each format's character classes (ICAO Doc 9303 Parts 4–6):
// names, countries, sex and codes are letters, dates and check digits are
// digits ('<' where a date part may be unknown or a digit may be absent),
// document numbers and optional data are either.
var layouts = map[Format][]span{
	TD1: {
		{0, 0, 1, clsCardCode}, {0, 1, 5, clsAlpha}, {0, 5, 14, clsAlnum}, {0, 14, 15, clsDigitF}, {0, 15, 30, clsAlnum},
		{1, 0, 6, clsDigitF}, {1, 6, 7, clsDigit}, {1, 7, 8, clsSex}, {1, 8, 15, clsDigit}, {1, 15, 18, clsAlpha},
		{1, 18, 29, clsAlnum}, {1, 29, 30, clsDigit},
		{2, 0, 30, clsAlpha},
	},
	TD2: {
		{0, 0, 1, clsCardCode}, {0, 1, 36, clsAlpha},
		{1, 0, 9, clsAlnum}, {1, 9, 10, clsDigitF}, {1, 10, 13, clsAlpha}, {1, 13, 19, clsDigitF}, {1, 19, 20, clsDigit},
		{1, 20, 21, clsSex}, {1, 21, 28, clsDigit}, {1, 28, 35, clsAlnum}, {1, 35, 36, clsDigit},
	},
	TD3: {
		{0, 0, 1, classOf("P")}, {0, 1, 44, clsAlpha},
		{1, 0, 9, clsAlnum}, {1, 9, 10, clsDigit}, {1, 10, 13, clsAlpha}, {1, 13, 19, clsDigitF}, {1, 19, 20, clsDigit},
		{1, 20, 21, clsSex}, {1, 21, 28, clsDigit}, {1, 28, 42, clsAlnum}, {1, 42, 43, clsDigitF}, {1, 43, 44, clsDigit},
	},
}

func classesOf(f Format) [][]class {
	n, w := f.Shape()
	out := make([][]class, n)
	for i := range out {
		out[i] = make([]class, w)
	}
	for _, s := range layouts[f] {
		for i := s.from; i < s.to; i++ {
			out[s.line][i] = s.cls
		}
	}
	return out
}

// pos is a character position: line and column.
type pos struct{ line, col int }

// digitGroup is a check digit and the positions it covers.
type digitGroup struct {
	covered []pos
	digit   pos
}

func run(line, from, to int) []pos {
	p := make([]pos, 0, to-from)
	for i := from; i < to; i++ {
		p = append(p, pos{line, i})
	}
	return p
}

func cat(ps ...[]pos) []pos {
	var out []pos
	for _, p := range ps {
		out = append(out, p...)
	}
	return out
}

// digitGroups lists the check digits of text (format f), the composite last.
// A TD1 or TD2 long document number's group depends on where its overflow
// ends, hence on the text.
func digitGroups(f Format, text [][]byte) []digitGroup {
	number := func(line, from int, optFrom, optTo int) digitGroup {
		if text[line][from+9] != '<' {
			return digitGroup{run(line, from, from+9), pos{line, from + 9}}
		}
		end := optFrom
		for end < optTo && text[line][end] != '<' {
			end++
		}
		if end == optFrom || end == optTo {
			return digitGroup{run(line, from, from+9), pos{line, from + 9}}
		}
		return digitGroup{cat(run(line, from, from+9), run(line, optFrom, end-1)), pos{line, end - 1}}
	}
	switch f {
	case TD1:
		return []digitGroup{
			number(0, 5, 15, 30),
			{run(1, 0, 6), pos{1, 6}},
			{run(1, 8, 14), pos{1, 14}},
			{cat(run(0, 5, 30), run(1, 0, 7), run(1, 8, 15), run(1, 18, 29)), pos{1, 29}},
		}
	case TD2:
		return []digitGroup{
			number(1, 0, 28, 35),
			{run(1, 13, 19), pos{1, 19}},
			{run(1, 21, 27), pos{1, 27}},
			{cat(run(1, 0, 10), run(1, 13, 20), run(1, 21, 35)), pos{1, 35}},
		}
	default:
		g := []digitGroup{
			{run(1, 0, 9), pos{1, 9}},
			{run(1, 13, 19), pos{1, 19}},
			{run(1, 21, 27), pos{1, 27}},
		}
		if strings.Trim(string(text[1][28:42]), "<") != "" || text[1][42] != '<' && text[1][42] != '0' {
			g = append(g, digitGroup{run(1, 28, 42), pos{1, 42}})
		}
		return append(g, digitGroup{cat(run(1, 0, 10), run(1, 13, 20), run(1, 21, 43)), pos{1, 43}})
	}
}

func (g digitGroup) ok(text [][]byte) bool {
	b := make([]byte, len(g.covered))
	for i, p := range g.covered {
		b[i] = text[p.line][p.col]
	}
	c := text[g.digit.line][g.digit.col]
	return isDigit(c) && int(c-'0') == CheckDigit(string(b))
}

// decide picks each position's glyph among those its class allows, then
// lets the check digits decide between look-alikes: a failing check digit
// is repaired when exactly one change to a close rival glyph (or, failing
// that, one pair of changes) makes it pass without breaking another.
func decide(f Format, cells [][]cell) (lines []string, score, conf [][]float64) {
	classes := classesOf(f)
	text := make([][]byte, len(cells))
	for li, row := range cells {
		text[li] = make([]byte, len(row))
		for i, c := range row {
			k, _ := best(c, classes[li][i], -1)
			text[li][i] = alphabet[k]
		}
	}
	// rivals: the allowed glyphs close to the chosen one, best first.
	rivals := func(p pos) []byte {
		c := cells[p.line][p.col]
		cur := strings.IndexByte(alphabet, text[p.line][p.col])
		type alt struct {
			k int
			s float64
		}
		var alts []alt
		for k := range alphabet {
			if k != cur && classes[p.line][p.col]&(1<<k) != 0 && c.scores[k] >= c.scores[cur]-rivalGap {
				alts = append(alts, alt{k, c.scores[k]})
			}
		}
		sort.Slice(alts, func(i, j int) bool { return alts[i].s > alts[j].s })
		out := make([]byte, len(alts))
		for i, a := range alts {
			out[i] = alphabet[a.k]
		}
		return out
	}
	allOK := func(upTo int) bool {
		gs := digitGroups(f, text)
		for i, g := range gs {
			if (upTo < 0 || i <= upTo) && !g.ok(text) {
				return false
			}
		}
		return true
	}
	type change struct {
		p pos
		c byte
	}
	gs := digitGroups(f, text)
	for gi := range gs {
		g := digitGroups(f, text)[gi]
		if g.ok(text) {
			continue
		}
		// A change must make this group pass and keep the earlier ones.
		cand := append(append([]pos(nil), g.covered...), g.digit)
		var sols [][]change
		try := func(chs []change) {
			old := make([]byte, len(chs))
			for i, ch := range chs {
				old[i] = text[ch.p.line][ch.p.col]
				text[ch.p.line][ch.p.col] = ch.c
			}
			if allOK(gi) {
				sols = append(sols, append([]change(nil), chs...))
			}
			for i, ch := range chs {
				text[ch.p.line][ch.p.col] = old[i]
			}
		}
		var withRivals []pos
		for _, p := range cand {
			for _, c := range rivals(p) {
				try([]change{{p, c}})
			}
			if len(rivals(p)) > 0 {
				withRivals = append(withRivals, p)
			}
		}
		if len(sols) == 0 && len(withRivals) <= 8 {
			for i, p := range withRivals {
				for _, q := range withRivals[i+1:] {
					for _, a := range rivals(p) {
						for _, b := range rivals(q) {
							try([]change{{p, a}, {q, b}})
						}
					}
				}
			}
		}
		if len(sols) == 1 {
			for _, ch := range sols[0] {
				text[ch.p.line][ch.p.col] = ch.c
			}
		}
	}
	score = make([][]float64, len(cells))
	conf = make([][]float64, len(cells))
	lines = make([]string, len(cells))
	for li, row := range cells {
		score[li] = make([]float64, len(row))
		conf[li] = make([]float64, len(row))
		for i, c := range row {
			k := strings.IndexByte(alphabet, text[li][i])
			_, second := best(c, classes[li][i], k)
			score[li][i] = c.scores[k]
			conf[li][i] = c.scores[k] - second
		}
		lines[li] = string(text[li])
	}
	return lines, score, conf
}

// best returns the best-scoring glyph of class cls other than except, and
// its score.
func best(c cell, cls class, except int) (int, float64) {
	bk, bs := -1, math.Inf(-1)
	for k, s := range c.scores {
		if k != except && cls&(1<<k) != 0 && s > bs {
			bk, bs = k, s
		}
	}
	return bk, bs
}

// uncertain returns a CodeUncertain problem for each field that no check
// digit covers (document code, countries, names, sex) holding a character
// read with a margin below minMargin.
func uncertain(r Result) []Problem {
	type field struct {
		f         Field
		line      int
		from, end int
	}
	var fs []field
	var name field
	switch r.Format {
	case TD1:
		fs = []field{{FieldDocumentCode, 0, 0, 2}, {FieldIssuingCountry, 0, 2, 5}, {FieldSex, 1, 7, 8}, {FieldNationality, 1, 15, 18}}
		name = field{"", 2, 0, 30}
	case TD2, TD3:
		_, w := r.Format.Shape()
		fs = []field{{FieldDocumentCode, 0, 0, 2}, {FieldIssuingCountry, 0, 2, 5}, {FieldNationality, 1, 10, 13}, {FieldSex, 1, 20, 21}}
		name = field{"", 0, 5, w}
	}
	split := strings.Index(r.Lines[name.line][name.from:name.end], "<<")
	if split < 0 {
		split = name.end - name.from
	}
	fs = append(fs, field{FieldSurname, name.line, name.from, name.from + split}, field{FieldGivenNames, name.line, name.from + split, name.end})
	var out []Problem
	for _, f := range fs {
		for i := f.from; i < f.end; i++ {
			if c := r.Confidence[f.line][i]; c < minMargin {
				out = append(out, Problem{Field: f.f, Code: CodeUncertain,
					Message: fmt.Sprintf("line %d, position %d: %q read with margin %.3f", f.line+1, i+1, r.Lines[f.line][i], c)})
				break
			}
		}
	}
	return out
}
