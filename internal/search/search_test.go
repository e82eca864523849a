package search_test

import (
	"strings"
	"testing"

	"github.com/openkyc/kyc-manual-review/internal/search"
)

func ptr(s string) *string { return &s }

func TestTextAndQueryMatch(t *testing.T) {
	text := search.Text(ptr("Ånna"), nil, ptr(""), ptr("LINDQVIST"), ptr("Anna.L@Example.com"))
	if want := "ånna lindqvist anna.l@example.com"; text != want {
		t.Fatalf("Text = %q, want %q", text, want)
	}
	for _, q := range []string{"  ÅNNA LINDQVIST ", "Example.COM", "lindqvist"} {
		if !strings.Contains(text, search.Query(q)) {
			t.Errorf("Query(%q) = %q does not match %q", q, search.Query(q), text)
		}
	}
	if got := search.Query(" \t "); got != "" {
		t.Errorf("Query of blanks = %q, want empty (no filter)", got)
	}
	if got := search.Text(); got != "" {
		t.Errorf("Text() = %q, want empty", got)
	}
}
