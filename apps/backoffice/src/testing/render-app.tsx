import { render } from '@testing-library/react';
import { App } from '../app/app';
import { createFakeClient, type FakeClient } from './fake-client';
import { ME, REASON_PRESETS } from './fixtures';

/** renderApp mounts the whole app at path with a signed-in reviewer unless handlers say otherwise. */
export function renderApp(path: string, handlers: FakeClient['handlers'] = {}) {
  history.replaceState(null, '', `/backoffice/${path.replace(/^\//, '')}`);
  // The list reads the review SLA (the server's default unless a test says otherwise); the
  // decision dialog reads the preset reasons' wording.
  const client = createFakeClient({
    Me: () => ({ me: ME }),
    ReviewSla: () => ({ reviewPolicy: { reviewSlaSeconds: 24 * 3600 } }),
    ReasonPresets: () => ({ reasonPresets: REASON_PRESETS }),
    ...handlers,
  });
  const view = render(<App client={client} />);
  return { client, ...view };
}
