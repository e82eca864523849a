import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

describe('case view: the applicant details (issue 14 item 6)', () => {
  it('shows the date of birth the applicant gave, as a date with the age', async () => {
    const c = makeCase({ applicant: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', email: 'ada@example.com' } });
    renderApp(`cases/${c.id}`, { GetCase: () => ({ node: { __typename: 'Case', ...c } }), Reviewers: () => ({ reviewers: [] }) });
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' }, { timeout: 5000 });
    const dd = screen.getByText('Date of birth').nextElementSibling!;
    expect(dd.querySelector('time')?.getAttribute('dateTime')).toBe('1990-12-10');
    expect(dd.textContent).toMatch(/1990/);
    expect(dd.textContent).toMatch(/\(age \d+\)/);
  });

  it('says — when none was given', async () => {
    const c = makeCase({ applicant: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: null, email: null } });
    renderApp(`cases/${c.id}`, { GetCase: () => ({ node: { __typename: 'Case', ...c } }), Reviewers: () => ({ reviewers: [] }) });
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' }, { timeout: 5000 });
    expect(screen.getByText('Date of birth').nextElementSibling!.textContent).toBe('—');
  });
});
