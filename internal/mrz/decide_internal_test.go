package mrz

import (
	"strings"
	"testing"
	"time"
)

// cellsFor makes cells that score each position's true glyph 0.9 and every
// other 0.2, then applies the overrides (line, column, glyph, score).
func cellsFor(lines []string, overrides ...struct {
	l, c  int
	glyph byte
	score float64
},
) [][]cell {
	cells := make([][]cell, len(lines))
	for li, l := range lines {
		cells[li] = make([]cell, len(l))
		for i := range len(l) {
			for k := range alphabet {
				cells[li][i].scores[k] = 0.2
			}
			cells[li][i].scores[strings.IndexByte(alphabet, l[i])] = 0.9
		}
	}
	for _, o := range overrides {
		cells[o.l][o.c].scores[strings.IndexByte(alphabet, o.glyph)] = o.score
	}
	return cells
}

func TestDecideLookAlikes(t *testing.T) {
	truth := []string{
		"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10",
	}
	type o = struct {
		l, c  int
		glyph byte
		score float64
	}
	for _, tc := range []struct {
		name string
		over []o
	}{
		// 'B' looks better than '8' in the document number, which allows
		// both: the check digit decides for '8'.
		{"8/B in the document number", []o{{1, 1, '8', 0.80}, {1, 1, 'B', 0.82}}},
		// 'O' looks better than '0' in a date: dates hold digits only.
		{"O/0 in a date", []o{{1, 15, '0', 0.70}, {1, 15, 'O', 0.91}}},
		// '0' looks better than 'O' in a name: names hold letters only.
		{"0/O in a name", []o{{0, 18, 'O', 0.70}, {0, 18, '0', 0.95}}},
		// '2' looks better than 'Z' in the personal number, which allows
		// both: its check digit decides for 'Z'.
		{"Z/2 in the personal number", []o{{1, 28, 'Z', 0.85}, {1, 28, '2', 0.88}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines, _, conf := decide(TD3, cellsFor(truth, tc.over...))
			if lines[0] != truth[0] || lines[1] != truth[1] {
				t.Errorf("decided\n%s\n%s\nwant\n%s\n%s", lines[0], lines[1], truth[0], truth[1])
			}
			if len(conf) != 2 || len(conf[1]) != 44 {
				t.Errorf("confidence shape %d", len(conf))
			}
		})
	}
}

func TestDecideLeavesAmbiguityAlone(t *testing.T) {
	truth := []string{
		"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10",
	}
	type o = struct {
		l, c  int
		glyph byte
		score float64
	}
	// The date of birth's check digit reads '7' and the true '2' is far
	// behind (beyond rivalGap): nothing is repaired, and the read fails its
	// checks rather than passing wrongly.
	lines, _, _ := decide(TD3, cellsFor(truth, o{1, 19, '2', 0.5}, o{1, 19, '7', 0.9}))
	if d, ps := ParseAt(lines, now2026()); len(ps) == 0 && (lines[1] != truth[1]) {
		t.Errorf("a wrong read passed every check digit: %v %+v", lines, d)
	}
}

func now2026() time.Time { return time.Date(2026, time.May, 15, 0, 0, 0, 0, time.UTC) }
