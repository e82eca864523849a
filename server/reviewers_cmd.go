package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/reviewer"
	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/internal/realtime"
	"github.com/openkyc/kyc-manual-review/workflow"
)

const reviewersUsage = `usage: server reviewers list
       server reviewers add -email EMAIL -name NAME [-role ADMIN|REVIEWER]   (prints an invitation link)
       server reviewers deactivate -email EMAIL
       server reviewers activate -email EMAIL
(plus the server's own flags or environment: DATA_DIR or DATABASE_URL, PUBLIC_URL, SECRET_KEY)`

// reviewersCmd is the reviewers subcommand: the team on a headless host, for the first admin
// or when no admin can sign in. It works on the database directly: a deactivated reviewer's
// sessions end at once; on PostgreSQL their open WebSockets close at once too (NOTIFY to the
// running replicas), on SQLite at the server's next session recheck (within a minute).
func reviewersCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, reviewersUsage)
		return errors.New("reviewers: name an action")
	}
	action := args[0]
	var email, name, role string
	cfg, err := parseConfig(args[1:], getenv, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "reviewers: the reviewer's email")
		fs.StringVar(&name, "name", "", "reviewers add: the reviewer's name")
		fs.StringVar(&role, "role", string(workflow.RoleReviewer), "reviewers add: ADMIN or REVIEWER")
		fs.Usage = func() { fmt.Fprintln(fs.Output(), reviewersUsage); fs.PrintDefaults() }
	})
	if err != nil {
		return err
	}
	store, err := openCommandStore(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	client := store.client

	find := func() (*ent.Reviewer, error) {
		if email == "" {
			return nil, errors.New("-email is required")
		}
		rv, err := client.Reviewer.Query().Where(reviewer.EmailEqualFold(email)).Only(ctx)
		if ent.IsNotFound(err) {
			return nil, fmt.Errorf("no reviewer has the email %s", email)
		}
		return rv, err
	}
	switch action {
	case "list":
		all, err := client.Reviewer.Query().Order(ent.Asc(reviewer.FieldName)).All(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "EMAIL\tNAME\tROLE\tACTIVE\tLAST SIGN-IN")
		for _, rv := range all {
			last := "never"
			if rv.LastSignInAt != nil {
				last = rv.LastSignInAt.Local().Format(time.DateTime)
			} else if rv.PasswordHash == "" {
				last = "invited"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%v\t%s\n", rv.Email, rv.Name, rv.Role, rv.Active, last)
		}
		return w.Flush()
	case "add":
		r := workflow.Role(strings.ToUpper(role))
		if r.UnmarshalGQL(string(r)) != nil {
			return fmt.Errorf("-role %q: want ADMIN or REVIEWER", role)
		}
		rv, token, err := graph.Invite(ctx, client, email, name, r, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Invited %s (%s). Send them this link (valid %s, single use):\n%s/backoffice/#invite=%s\n",
			rv.Email, rv.Role, graph.InviteTTL, strings.TrimRight(cfg.PublicURL, "/"), token)
		return nil
	case "deactivate", "activate":
		rv, err := find()
		if err != nil {
			return err
		}
		if _, err := graph.SetActive(ctx, client, rv.ID, action == "activate"); err != nil {
			return err
		}
		if action == "deactivate" && cfg.DatabaseURL != "" {
			if err := realtime.SessionEndNotifier(store.db).PublishSessionEnd(ctx, graph.SessionEnd{ReviewerID: rv.ID}); err != nil {
				fmt.Fprintf(stderr, "warning: could not tell running servers to close %s's connections: %v\n", rv.Email, err)
			}
		}
		fmt.Fprintf(stdout, "%s is now %sd\n", rv.Email, action)
		return nil
	}
	fmt.Fprintln(stderr, reviewersUsage)
	return fmt.Errorf("reviewers: unknown action %q", action)
}
