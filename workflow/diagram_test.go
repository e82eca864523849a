package workflow_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const diagramGolden = "testdata/statechart.mmd"

// mermaid renders a statechart Definition as a Mermaid stateDiagram-v2: one node per state,
// one arrow per transition labelled with its event, classes and notes for the persisted and
// submit states.
func mermaid(def workflow.Definition) string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	b.WriteString("    %% Generated from workflow.Chart() by `go test ./workflow -run TestDiagram -update`. Do not edit.\n")
	fmt.Fprintf(&b, "    [*] --> %s\n", def.Initial)
	for _, s := range def.States {
		for _, tr := range s.On {
			fmt.Fprintf(&b, "    %s --> %s : %s\n", s.Name, tr.Target, tr.Event)
		}
		if s.Final {
			fmt.Fprintf(&b, "    %s --> [*]\n", s.Name)
		}
	}
	b.WriteString("\n")
	for _, s := range def.States {
		var marks []string
		if s.Persisted {
			marks = append(marks, "persisted: saved when entered, a resumed session starts here")
		}
		if s.Submit {
			marks = append(marks, "submit: leaving forward needs the uploaded document photo")
		}
		if s.Final {
			marks = append(marks, "final: entering it submits the case for review")
		}
		if len(marks) > 0 {
			fmt.Fprintf(&b, "    note right of %s\n", s.Name)
			for _, m := range marks {
				fmt.Fprintf(&b, "        %s\n", m)
			}
			b.WriteString("    end note\n")
		}
	}
	b.WriteString("\n")
	b.WriteString("    classDef persisted stroke-width:3px\n")
	b.WriteString("    classDef submit fill:#fde68a\n")
	classes := map[string][]string{}
	for _, s := range def.States {
		if s.Persisted {
			classes["persisted"] = append(classes["persisted"], string(s.Name))
		}
		if s.Submit {
			classes["submit"] = append(classes["submit"], string(s.Name))
		}
	}
	for _, c := range []string{"persisted", "submit"} {
		if len(classes[c]) > 0 {
			fmt.Fprintf(&b, "    class %s %s\n", strings.Join(classes[c], ","), c)
		}
	}
	return b.String()
}

// TestDiagram keeps testdata/statechart.mmd (embedded in the README) in step with the chart.
// Run `go test ./workflow -run TestDiagram -update` after changing the chart.
func TestDiagram(t *testing.T) {
	got := mermaid(workflow.Chart())

	// The rendering itself says what the chart says, whatever the golden file holds.
	for _, s := range workflow.Chart().States {
		for _, tr := range s.On {
			if line := fmt.Sprintf("    %s --> %s : %s\n", s.Name, tr.Target, tr.Event); !strings.Contains(got, line) {
				t.Errorf("the diagram lacks %q", line)
			}
		}
	}
	for _, line := range []string{
		"stateDiagram-v2\n",
		"    [*] --> welcome\n",
		"    final --> [*]\n",
		"    class document_selection,document_review,final persisted\n",
		"    class document_photo submit\n",
		"    note right of document_photo\n",
	} {
		if !strings.Contains(got, line) {
			t.Errorf("the diagram lacks %q", line)
		}
	}
	if n := strings.Count(got, " : USER_"); n != 11 {
		t.Errorf("the diagram has %d labelled transitions, want 11", n)
	}

	if *update {
		if err := os.MkdirAll(filepath.Dir(diagramGolden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(diagramGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", diagramGolden)
		return
	}
	want, err := os.ReadFile(diagramGolden)
	if err != nil {
		t.Fatalf("%v (run `go test ./workflow -run TestDiagram -update` to create it)", err)
	}
	if !bytes.Equal(want, []byte(got)) {
		t.Errorf("%s is stale; run `go test ./workflow -run TestDiagram -update`\n--- golden\n%s\n--- chart\n%s", diagramGolden, want, got)
	}
}

// TestREADMEDiagram keeps the statechart shown in README.md equal to the golden diagram, so
// the documentation cannot drift from the code. -update rewrites the README block.
func TestREADMEDiagram(t *testing.T) {
	const readme = "../README.md"
	const begin, end = "<!-- statechart:begin -->\n", "<!-- statechart:end -->"
	golden, err := os.ReadFile(diagramGolden)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(doc, []byte(begin)), bytes.Index(doc, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", begin, end)
	}
	block := "```mermaid\n" + string(golden) + "```\n"
	if got := string(doc[i+len(begin) : j]); got != block {
		if !*update {
			t.Fatalf("README.md's statechart is stale; run `go test ./workflow -run Diagram -update`")
		}
		out := append(append(append([]byte{}, doc[:i+len(begin)]...), block...), doc[j:]...)
		if err := os.WriteFile(readme, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
