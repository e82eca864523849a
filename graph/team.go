package graph

import (
	"context"
	"net/mail"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/reviewer"
	"github.com/openkyc/kyc-manual-review/ent/session"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// The review team: admins invite reviewers (an account without a password and a single-use
// link to set one), and deactivate or reactivate them.
const (
	// InviteTTL is how long an invitation link works.
	InviteTTL = 7 * 24 * time.Hour
	// MinPasswordLen is the shortest password an invited reviewer may set.
	MinPasswordLen = 12
)

// requireAdmin is requireReviewer for what only admins may do.
func requireAdmin(ctx context.Context) (*ent.Reviewer, error) {
	me, err := requireReviewer(ctx)
	if err != nil {
		return nil, err
	}
	if me.Role != workflow.RoleAdmin {
		return nil, errAdminOnly
	}
	return me, nil
}

// Invite creates a reviewer account waiting for its password, or renews the invitation of
// one still waiting, and returns it with the invitation token (shown once).
func Invite(ctx context.Context, client *ent.Client, email, name string, role workflow.Role, now time.Time) (*ent.Reviewer, string, error) {
	addr, err := mail.ParseAddress(strings.TrimSpace(email))
	if err != nil || addr.Name != "" {
		return nil, "", workflow.Errorf(workflow.EBadUserInput, "%q is not an email address", email)
	}
	if name = strings.TrimSpace(name); name == "" {
		return nil, "", workflow.Errorf(workflow.EBadUserInput, "a name is required")
	}
	token, hash := NewToken()
	expires := now.Add(InviteTTL)
	existing, err := client.Reviewer.Query().Where(reviewer.EmailEqualFold(addr.Address)).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		rv, err := client.Reviewer.Create().SetEmail(addr.Address).SetName(name).SetRole(role).SetPasswordHash("").
			SetInviteTokenHash(hash).SetInviteExpiresAt(expires).Save(ctx)
		return rv, token, err
	case err != nil:
		return nil, "", err
	case existing.PasswordHash != "":
		return nil, "", workflow.Errorf(workflow.EConflict, "%s already has a reviewer account", addr.Address)
	}
	rv, err := client.Reviewer.UpdateOne(existing).SetName(name).SetRole(role).
		SetInviteTokenHash(hash).SetInviteExpiresAt(expires).Save(ctx)
	return rv, token, err
}

// inviteURL is the backoffice page where an invited reviewer sets a password; the token is
// in the fragment, so it never reaches a server log or a Referer.
func (r *Resolver) inviteURL(token string) string {
	return strings.TrimRight(r.PublicURL, "/") + "/backoffice/#invite=" + token
}

// acceptInvite sets the password of the invitation's reviewer, ends the invitation, and signs in.
func (r *Resolver) acceptInvite(ctx context.Context, token, password string) (*ent.Reviewer, error) {
	if len([]rune(password)) < MinPasswordLen {
		return nil, workflow.Errorf(workflow.EBadUserInput, "the password needs at least %d characters", MinPasswordLen)
	}
	rv, err := r.Client.Reviewer.Query().
		Where(reviewer.InviteTokenHash(HashToken(token)), reviewer.InviteExpiresAtGT(r.now())).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errBadInvite
	} else if err != nil {
		return nil, err
	}
	if !rv.Active {
		return nil, errDeactivated
	}
	hash, err := HashPassword(password)
	if err != nil {
		return nil, err
	}
	// Single use: the update matches the token it was read with, so two concurrent accepts
	// cannot both set a password.
	n, err := r.Client.Reviewer.Update().
		Where(reviewer.ID(rv.ID), reviewer.InviteTokenHash(HashToken(token))).
		SetPasswordHash(hash).ClearInviteTokenHash().ClearInviteExpiresAt().Save(ctx)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errBadInvite
	}
	return r.openSession(ctx, rv)
}

// SetActive deactivates a reviewer (ending their sessions) or reactivates one. Their cases
// stay assigned to them.
func SetActive(ctx context.Context, client *ent.Client, id uuid.UUID, active bool) (*ent.Reviewer, error) {
	rv, err := client.Reviewer.UpdateOneID(id).SetActive(active).Save(ctx)
	if err != nil || active {
		return rv, err
	}
	_, err = client.Session.Delete().Where(session.ReviewerID(id)).Exec(ctx)
	return rv, err
}
