package workflow_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// Every code has one preset, in the order of Values, offered for at least one target; the
// codes the backoffice offers for a case rejection include the neutral UNABLE_TO_VERIFY, which
// is not a reason to re-take one photo.
func TestReasonPresets(t *testing.T) {
	presets := workflow.ReasonPresets()
	var codes []string
	for _, p := range presets {
		codes = append(codes, string(p.Code))
		if len(p.AppliesTo) == 0 {
			t.Errorf("%s applies to nothing", p.Code)
		}
		if p.ApplicantText != p.Code.ApplicantText() {
			t.Errorf("%s: preset %q, ApplicantText %q", p.Code, p.ApplicantText, p.Code.ApplicantText())
		}
	}
	if want := workflow.ReasonCode("").Values(); !slices.Equal(codes, want) {
		t.Errorf("preset codes %v, want %v", codes, want)
	}
	for _, p := range presets {
		if p.Code == workflow.ReasonUnableToVerify {
			if !slices.Equal(p.AppliesTo, []workflow.ReasonTarget{workflow.TargetCase}) {
				t.Errorf("UNABLE_TO_VERIFY applies to %v, want CASE only", p.AppliesTo)
			}
		}
	}
	presets[0].AppliesTo[0] = "changed by a caller"
	if workflow.ReasonPresets()[0].AppliesTo[0] == "changed by a caller" {
		t.Error("ReasonPresets hands out its own table")
	}
}

// The KYC app's English catalog (reasons.* in apps/kyc/src/i18n/locales/en.ts) says what the
// server stores as the reason, word for word: the applicant reads the one or the other depending
// on the screen, and the server's wording (workflow/reasons.go) is the source.
func TestKYCAppReasonsMatchServer(t *testing.T) {
	const path = "../apps/kyc/src/i18n/locales/en.ts"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read the KYC app's English catalog: %v", err)
	}
	got, err := catalogSection(string(src), "reasons")
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	want := map[string]string{}
	for _, p := range workflow.ReasonPresets() {
		if p.ApplicantText != "" {
			want[string(p.Code)] = p.ApplicantText
		}
	}
	for code, text := range want {
		switch g, ok := got[code]; {
		case !ok:
			t.Errorf("%s: reasons.%s is missing (the server's wording: %q)", path, code, text)
		case g != text:
			t.Errorf("%s: reasons.%s = %q, the server stores %q", path, code, g, text)
		}
	}
	for code := range got {
		if _, ok := want[code]; !ok {
			t.Errorf("%s: reasons.%s has no wording on the server (workflow/reasons.go)", path, code)
		}
	}
}

// The catalog reader is tolerant of layout and quoting, and fails on what it cannot read.
func TestCatalogSection(t *testing.T) {
	src := `export const en = {
  app: { title: 'x' },
  reasons: {
    BLURRY: 'It\'s \"blurry\" — retake.',
    "GLARE": "Light \"glare\"",
    CUT_OFF:
      'Cut off', // a comment
    EXPIRED: ` + "`Expired`" + `,
  },
  welcome: { title: 'y' },
};
`
	got, err := catalogSection(src, "reasons")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"BLURRY": `It's "blurry" — retake.`, "GLARE": `Light "glare"`, "CUT_OFF": "Cut off", "EXPIRED": "Expired"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if _, err := catalogSection(src, "missing"); err == nil {
		t.Error("a missing section: no error")
	}
	if _, err := catalogSection("reasons: {\n  BLURRY: t('x'),\n}", "reasons"); err == nil {
		t.Error("a value that is not a string literal: no error")
	}
}

var (
	catalogEntry   = regexp.MustCompile(`(?s)^\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?\s*:\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|` + "`[^`]*`" + `)\s*,?\s*(//[^\n]*)?`)
	blankOrComment = regexp.MustCompile(`(?s)^\s*(//[^\n]*\s*)*$`)
)

// catalogSection reads the flat section `name: { KEY: 'text', … }` of a TypeScript catalog.
func catalogSection(src, name string) (map[string]string, error) {
	start := regexp.MustCompile(`(?m)^\s*` + name + `\s*:\s*\{`).FindStringIndex(src)
	if start == nil {
		return nil, fmt.Errorf("no section %q", name)
	}
	body := src[start[1]:]
	out := map[string]string{}
	for {
		if t := strings.TrimSpace(body); strings.HasPrefix(t, "}") {
			return out, nil
		}
		m := catalogEntry.FindStringSubmatch(body)
		if m == nil {
			if end := strings.Index(body, "}"); end >= 0 && blankOrComment.MatchString(body[:end]) {
				return out, nil
			}
			line, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
			return nil, fmt.Errorf("section %q: cannot read %q", name, line)
		}
		lit := m[2]
		var text string
		if lit[0] == '`' {
			text = lit[1 : len(lit)-1]
		} else {
			if lit[0] == '\'' {
				lit = doubleQuoted(lit)
			}
			var err error
			if text, err = strconv.Unquote(lit); err != nil {
				return nil, fmt.Errorf("section %q: key %s: %w", name, m[1], err)
			}
		}
		out[m[1]] = text
		body = body[len(m[0]):]
	}
}

// doubleQuoted rewrites a JavaScript single-quoted literal as a double-quoted one, which
// strconv.Unquote reads: \' becomes ', a bare " is escaped, other escapes are kept.
func doubleQuoted(lit string) string {
	var b strings.Builder
	b.WriteByte('"')
	in := lit[1 : len(lit)-1]
	for i := 0; i < len(in); i++ {
		switch c := in[i]; {
		case c == '\\' && i+1 < len(in):
			i++
			if in[i] == '\'' {
				b.WriteByte('\'')
			} else {
				b.WriteByte('\\')
				b.WriteByte(in[i])
			}
		case c == '"':
			b.WriteString(`\"`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// The backoffice's test fixture of the reasonPresets answer (REASON_PRESETS in
// apps/backoffice/src/testing/fixtures.ts) is the server's table, in its order: the
// backoffice's tests exercise the dialog with what the server really sends.
func TestBackofficeFixturePresetsMatchServer(t *testing.T) {
	const path = "../apps/backoffice/src/testing/fixtures.ts"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read the backoffice's fixtures: %v", err)
	}
	start := strings.Index(string(src), "REASON_PRESETS")
	end := strings.Index(string(src)[max(start, 0):], "];")
	if start < 0 || end < 0 {
		t.Fatalf("%s: no REASON_PRESETS array", path)
	}
	var got []string
	for _, m := range fixturePreset.FindAllStringSubmatch(string(src)[start:start+end], -1) {
		text, err := strconv.Unquote(doubleQuoted(m[2]))
		if err != nil {
			t.Fatalf("%s: %s: %v", path, m[1], err)
		}
		got = append(got, fmt.Sprintf("%s %q %s", m[1], text, strings.Join(strings.Fields(strings.NewReplacer("'", "", ",", " ").Replace(m[3])), ",")))
	}
	var want []string
	for _, p := range workflow.ReasonPresets() {
		var to []string
		for _, a := range p.AppliesTo {
			to = append(to, string(a))
		}
		want = append(want, fmt.Sprintf("%s %q %s", p.Code, p.ApplicantText, strings.Join(to, ",")))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: REASON_PRESETS\n%s\nthe server's (workflow/reasons.go)\n%s", path, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

var fixturePreset = regexp.MustCompile(`(?s)code:\s*'([A-Z_]+)',\s*applicantText:\s*('(?:[^'\\]|\\.)*'),\s*appliesTo:\s*\[([^\]]*)\]`)
