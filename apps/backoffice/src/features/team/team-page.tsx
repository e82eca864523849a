import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { isKycError } from '@kyc/sdk/errors';
import { Link } from '../../app/router';
import { Dialog, DialogActions, FormError } from '../../components/dialog';
import type { ReviewerRole, TeamMemberFragment } from '../../gql/graphql';
import { operationName, useApi, useApiQuery } from '../../lib/api-context';
import { errorMessage } from '../../lib/error-copy';
import { ROLE_LABEL } from '../../lib/labels';
import { formatDateTime, timeAgo } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useMe } from '../auth/session';
import { ReviewersQuery } from '../review/api/reviewers';
import { InviteReviewerMutation, SetReviewerActiveMutation, TeamQuery } from './api/team';

const memberName = (m: { name: string; email: string }) => m.name || m.email;

/** TeamPage is the admins' list of reviewers; anyone else is told plainly that it is not for them. */
export function TeamPage() {
  const me = useMe();
  if (me.role !== 'ADMIN') {
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>Not allowed</h1>
        <p className="page-lead">Only admins manage the review team. Ask an admin if you need someone added or removed.</p>
        <p>
          <Link to="">Go to the case list</Link>
        </p>
      </main>
    );
  }
  return <Team meId={me.id} />;
}

type Pending = { kind: 'invite'; member?: TeamMemberFragment } | { kind: 'active'; member: TeamMemberFragment };

function Team({ meId }: { meId: string }) {
  const { data, error, isFetching: loading, refetch } = useApiQuery(TeamQuery, {});
  const queryClient = useQueryClient();
  const now = useNow();
  const [pending, setPending] = useState<Pending | null>(null);
  const [announcement, setAnnouncement] = useState('');

  /** changed refetches the team and the assignment menu's reviewers (who can be given a case). */
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: [operationName(TeamQuery)] });
    void queryClient.invalidateQueries({ queryKey: [operationName(ReviewersQuery)] });
  };

  const members = data?.reviewers ?? [];

  return (
    <main id="main" tabIndex={-1} className="page page-team">
      <div className="page-head">
        <h1>
          Team{' '}
          {data && (
            <span className="count">
              {members.length} {members.length === 1 ? 'reviewer' : 'reviewers'}
            </span>
          )}
        </h1>
        <button type="button" className="button button-primary page-head-end" onClick={() => setPending({ kind: 'invite' })}>
          Invite reviewer
        </button>
      </div>
      <p className="page-lead">
        Admins invite reviewers and deactivate them. A deactivated reviewer is signed out at once and cannot sign in; their cases stay
        assigned to them.
      </p>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {error && (
        <div className="alert alert-error" role="alert">
          <p>The team could not be loaded. {errorMessage(error)}</p>
          <button type="button" className="button" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      )}
      {!data && loading && (
        <p className="loading" role="status">
          Loading the team…
        </p>
      )}

      {data && (
        <div className="table-wrap" aria-busy={loading}>
          <table className="case-table team-table stack-table">
            <caption className="visually-hidden">Reviewers, by name</caption>
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => {
                const self = m.id === meId;
                return (
                  <tr key={m.id} data-reviewer-id={m.id}>
                    <th scope="row" className="cell-applicant">
                      {memberName(m)}
                      {self && <span className="you"> (you)</span>}
                      {m.name && <span className="sub">{m.email}</span>}
                    </th>
                    <td data-label="Role">{ROLE_LABEL[m.role]}</td>
                    <td>
                      <MemberStatus member={m} />
                    </td>
                    <td data-label="Last sign-in">
                      {m.lastSignInAt ? (
                        <time dateTime={m.lastSignInAt} title={formatDateTime(m.lastSignInAt)}>
                          {timeAgo(m.lastSignInAt, now)}
                        </time>
                      ) : (
                        <span className="muted">Never</span>
                      )}
                    </td>
                    <td className="cell-actions">
                      {m.invitePending && m.active && (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`New invitation link for ${memberName(m)}`}
                          onClick={() => setPending({ kind: 'invite', member: m })}
                        >
                          New link
                        </button>
                      )}
                      {!self && (
                        <button
                          type="button"
                          className={`button button-small${m.active ? ' button-danger-outline' : ''}`}
                          aria-label={`${m.active ? 'Deactivate' : 'Reactivate'} ${memberName(m)}`}
                          onClick={() => setPending({ kind: 'active', member: m })}
                        >
                          {m.active ? 'Deactivate' : 'Reactivate'}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {pending?.kind === 'invite' && (
        <InviteDialog
          again={pending.member}
          onInvited={(m) => {
            changed();
            setAnnouncement(`${memberName(m)} was invited.`);
          }}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'active' && (
        <ActiveDialog
          member={pending.member}
          onDone={(m) => {
            changed();
            setPending(null);
            setAnnouncement(`${memberName(m)} was ${m.active ? 'reactivated' : 'deactivated'}.`);
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </main>
  );
}

function MemberStatus({ member }: { member: TeamMemberFragment }) {
  if (!member.active) return <span className="badge badge-inactive" data-member-status="INACTIVE">Inactive</span>;
  if (member.invitePending) return <span className="badge badge-invited" data-member-status="INVITED">Invited</span>;
  return <span className="badge badge-active" data-member-status="ACTIVE">Active</span>;
}

type InviteErrors = { email?: string; name?: string };

/**
 * InviteDialog asks for the new reviewer's email, name and role, then shows the invitation link
 * once (the server keeps only its hash), with a Copy button. `again` renews a pending invitation.
 */
function InviteDialog({ again, onInvited, onClose }: {
  again?: TeamMemberFragment;
  onInvited(member: TeamMemberFragment): void;
  onClose(): void;
}) {
  const client = useApi();
  const [email, setEmail] = useState(again?.email ?? '');
  const [name, setName] = useState(again?.name ?? '');
  const [role, setRole] = useState<ReviewerRole>(again?.role ?? 'REVIEWER');
  const [fields, setFields] = useState<InviteErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [invite, setInvite] = useState<{ member: TeamMemberFragment; url: string } | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const copyRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  // The form's buttons are gone once the link shows: focus moves to Copy.
  useEffect(() => {
    if (invite) copyRef.current?.focus();
  }, [invite]);

  const submit = async () => {
    if (busy || invite) return;
    const errors: InviteErrors = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = 'Enter an email address, like name@example.com.';
    if (!name.trim()) errors.name = 'Enter the reviewer’s name.';
    setFields(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.name) return nameRef.current?.focus();
    setBusy(true);
    setError(null);
    try {
      const { inviteReviewer } = await client.execute(InviteReviewerMutation, { input: { email: email.trim(), name: name.trim(), role } });
      setInvite({ member: inviteReviewer.reviewer, url: inviteReviewer.inviteUrl });
      onInvited(inviteReviewer.reviewer);
    } catch (e) {
      setError(isKycError(e, 'CONFLICT') ? `${email.trim()} already has a reviewer account.` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied('yes');
    } catch {
      // No clipboard access (permissions, an insecure origin): select the text for Ctrl+C.
      linkRef.current?.select();
      setCopied('failed');
    }
  };

  if (invite) {
    const who = memberName(invite.member);
    return (
      <Dialog
        title={`Invitation link for ${who}`}
        description={
          <p>
            Send this link to {who} ({invite.member.email}). It opens a page where they set their password. It works <strong>once</strong>{' '}
            and is valid for <strong>7 days</strong>. It is shown only now: copy it before you close this dialog.
          </p>
        }
        onClose={onClose}
        wide
        footer={
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <div className="field">
          <label htmlFor={`${id}-link`}>Invitation link</label>
          <div className="copy-row">
            <input id={`${id}-link`} ref={linkRef} type="text" readOnly value={invite.url} className="copy-input" onFocus={(e) => e.target.select()} />
            <button ref={copyRef} type="button" className="button" onClick={() => void copy()}>
              {copied === 'yes' ? 'Copied' : 'Copy'}
            </button>
          </div>
          <p className="hint" role="status">
            {copied === 'yes' ? 'The link is on the clipboard.' : copied === 'failed' ? 'Copying is blocked here: the link is selected, press Ctrl+C (⌘C).' : ''}
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={again ? `New invitation link for ${memberName(again)}` : 'Invite a reviewer'}
      description={
        again
          ? 'A new link replaces the one sent before, which stops working.'
          : 'They get an account and a link to set their password. You send the link yourself.'
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <DialogActions label={'Create invitation link'} busyLabel={'Creating link…'} busy={busy} onCancel={onClose} />
      }
    >
      <FormError error={error} />
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          ref={emailRef}
          type="email"
          autoComplete="off"
          required
          readOnly={!!again}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={fields.email ? true : undefined}
          aria-describedby={fields.email ? `${id}-email-error` : undefined}
          data-autofocus={again ? undefined : true}
        />
        {fields.email && (
          <p id={`${id}-email-error`} className="field-error">
            {fields.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          type="text"
          autoComplete="off"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={fields.name ? true : undefined}
          aria-describedby={fields.name ? `${id}-name-error` : undefined}
        />
        {fields.name && (
          <p id={`${id}-name-error`} className="field-error">
            {fields.name}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as ReviewerRole)} aria-describedby={`${id}-role-hint`}>
          <option value="REVIEWER">{ROLE_LABEL.REVIEWER}</option>
          <option value="ADMIN">{ROLE_LABEL.ADMIN}</option>
        </select>
        <p id={`${id}-role-hint`} className="hint">
          Admins also manage the team.
        </p>
      </div>
    </Dialog>
  );
}

/** ActiveDialog confirms a deactivation (which signs the reviewer out everywhere at once) or a reactivation. */
function ActiveDialog({ member, onDone, onCancel }: {
  member: TeamMemberFragment;
  onDone(member: TeamMemberFragment): void;
  onCancel(): void;
}) {
  const client = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deactivate = member.active;
  const who = memberName(member);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { setReviewerActive } = await client.execute(SetReviewerActiveMutation, { input: { reviewerId: member.id, active: !deactivate } });
      onDone(setReviewerActive);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={deactivate ? `Deactivate ${who}?` : `Reactivate ${who}?`}
      description={
        deactivate
          ? `${who} is signed out at once, everywhere, and cannot sign in until reactivated. Their cases stay assigned to them and show “assignee inactive”.`
          : `${who} can sign in again${member.invitePending ? ' once they have set a password' : ' with their password'}.`
      }
      onClose={onCancel}
      onSubmit={() => void submit()}
      footer={
        <>
          {/* Focus starts on the harmless choice for a deactivation. */}
          <button type="button" className="button" onClick={onCancel} data-autofocus={deactivate || undefined}>
            Cancel
          </button>
          <button type="submit" className={`button ${deactivate ? 'button-danger' : 'button-primary'}`} aria-disabled={busy} data-autofocus={!deactivate || undefined}>
            {busy ? 'Saving…' : deactivate ? 'Deactivate' : 'Reactivate'}
          </button>
        </>
      }
    >
      <FormError error={error} />
    </Dialog>
  );
}
