import { createKycClient, type SubscriptionSink, type Transport } from '@kyc/sdk';
import { FakeServer } from '@kyc/sdk/testing';
import { act, render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { i18n } from '@/i18n';
import { png, screen, startKyc, waitForState } from '@/testing/render-app';
import { LiveStatus } from './live-status';

// A no-break space keeps the number and its unit together.
const POLLING_10 = 'Live updates unavailable — checking every 10\u00a0s';

describe('LiveStatus', () => {
  it('says how often it checks while polling, and nothing once a live transport is back', () => {
    const view = render(<LiveStatus transport="websocket" everySeconds={null} />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');

    view.rerender(<LiveStatus transport="polling" everySeconds={10} />);
    expect(screen.getByRole('status').textContent).toBe(POLLING_10);
    view.rerender(<LiveStatus transport="polling" everySeconds={15} />);
    expect(screen.getByRole('status').textContent).toBe('Live updates unavailable — checking every 15\u00a0s');

    view.rerender(<LiveStatus transport="sse" everySeconds={null} />);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByText(/Live updates unavailable/)).toBeNull();
  });

  it('is translated', async () => {
    await act(() => i18n.changeLanguage('de'));
    render(<LiveStatus transport="polling" everySeconds={10} />);
    expect(screen.getByRole('status').textContent).toBe('Live-Aktualisierungen nicht verfügbar — wir prüfen alle 10\u00a0s');
  });
});

describe('the waiting screen', { timeout: 30_000 }, () => {
  it('shows the line while the SDK polls for the decision, and drops it when the WebSocket is back', async () => {
    // The fake server's transport, with its subscription sinks kept: they receive the SDK
    // channel's transport changes (SubscriptionSink.transport) as the real one sends them.
    const server = new FakeServer();
    const inner = server.transport();
    const sinks = new Set<SubscriptionSink<unknown>>();
    const transport: Transport = {
      ...inner,
      subscribe: (doc, variables, token, sink) => {
        sinks.add(sink as SubscriptionSink<unknown>);
        const stop = inner.subscribe(doc, variables, token, sink);
        return () => {
          sinks.delete(sink as SubscriptionSink<unknown>);
          stop();
        };
      },
    };
    const client = createKycClient({ transport, resumeUrlFor: (t) => `http://app.test/kyc/#resume=${t}` });
    const user = userEvent.setup();
    render(<App client={client} />);

    await startKyc(user);
    await screen.findByRole('heading', { name: 'Before you start' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_selection');
    await user.click(screen.getByRole('radio', { name: 'Passport' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    for (const [photoState, next] of [['document_photo', 'document_review'], ['selfie', 'selfie_review']] as const) {
      await waitForState(photoState);
      await user.upload(screen.getByLabelText('Upload a photo'), png());
      await screen.findByAltText(/your current/i);
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      await waitForState(next);
      await user.click(screen.getByRole('button', { name: 'Continue' }));
    }
    await waitForState('final');
    await waitFor(() => expect(document.querySelector('[data-status="PENDING_REVIEW"]')).not.toBeNull());
    expect(sinks.size).toBeGreaterThan(0);
    expect(screen.queryByText(/Live updates unavailable/)).toBeNull();

    // WebSocket and SSE failed: the channel polls every 10 s (and reports 'reconnecting').
    act(() => sinks.forEach((s) => {
      s.transport?.('polling', 10);
      s.connection?.('reconnecting');
    }));
    const line = await screen.findByText((_, el) => el?.tagName === 'P' && el.textContent === POLLING_10);
    expect(line.closest('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    // Not also "paused": updates go on, only slower.
    expect(screen.queryByText(/Live updates are paused/)).toBeNull();

    // A WebSocket probe connected: live again, the line goes.
    act(() => sinks.forEach((s) => {
      s.transport?.('websocket', null);
      s.connection?.('connected');
    }));
    await waitFor(() => expect(screen.queryByText(/Live updates unavailable/)).toBeNull());

    // A decision still arrives and the line stays away.
    act(() => server.decide(server.caseOf().id, 'APPROVE'));
    await waitFor(() => expect(document.querySelector('[data-status="APPROVED"]')).not.toBeNull());
    expect(screen.queryByText(/Live updates unavailable/)).toBeNull();
  });
});
