import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ImageViewer } from './image-viewer';

/** Viewer's owner: refresh hands out a new signed link, as refetching the case does. */
function WithLinks({ refresh }: { refresh: (n: number) => void }) {
  const [n, setN] = useState(1);
  return (
    <ImageViewer
      src={`/documents/d1?exp=${n}&sig=s${n}`}
      alt="Passport, revision 1"
      label="Passport"
      refresh={async () => {
        refresh(n);
        setN(n + 1);
      }}
    />
  );
}

describe('ImageViewer', () => {
  it('zooms, rotates, pans by keyboard and resets', async () => {
    render(<ImageViewer src="/documents/d1?sig=x" alt="Passport, revision 1" label="Passport" />);
    const user = userEvent.setup();
    const img = screen.getByRole('img', { name: 'Passport, revision 1' });
    const level = screen.getByLabelText('Zoom level');
    expect(level.textContent).toBe('100 %');
    expect((screen.getByRole('button', { name: 'Zoom out' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(level.textContent).toBe('125 %');
    await user.click(screen.getByRole('button', { name: 'Rotate' }));
    expect(img.style.transform).toBe('translate(0px, 0px) scale(1.25) rotate(90deg)');

    screen.getByRole('group', { name: 'Passport photo' }).focus();
    await user.keyboard('{ArrowLeft}+');
    expect(img.style.transform).toBe('translate(40px, 0px) scale(1.56) rotate(90deg)');

    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(img.style.transform).toBe('translate(0px, 0px) scale(1) rotate(0deg)');
    expect(screen.getByRole('link', { name: /Open in new tab/ }).getAttribute('href')).toBe('/documents/d1?sig=x');
  });

  it('asks once for a fresh link when the image fails, then shows a message with Retry', async () => {
    const refresh = vi.fn();
    render(<WithLinks refresh={refresh} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));

    fireEvent.error(screen.getByRole('img'));
    await waitFor(() => expect(screen.getByRole('img').getAttribute('src')).toBe('/documents/d1?exp=2&sig=s2'));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();

    // The fresh link fails too: no second refetch, a message instead of a broken image.
    fireEvent.error(screen.getByRole('img'));
    expect(screen.getByRole('alert').textContent).toMatch(/^This image could not be loaded\./);
    expect(screen.queryByRole('img')).toBeNull();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Zoom level').textContent).toBe('125 %');

    // Retry is the reviewer's: one more fresh link, and the image is back (zoom kept).
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('img').getAttribute('src')).toBe('/documents/d1?exp=3&sig=s3'));
    expect(refresh).toHaveBeenCalledTimes(2);
    fireEvent.load(screen.getByRole('img'));
    expect(screen.getByRole('img').className).toBe('is-loaded');
    expect((screen.getByRole('img') as HTMLImageElement).style.transform).toContain('scale(1.25)');

    // After a good load, a later failure may ask for a fresh link again (once).
    fireEvent.error(screen.getByRole('img'));
    await waitFor(() => expect(screen.getByRole('img').getAttribute('src')).toBe('/documents/d1?exp=4&sig=s4'));
    expect(refresh).toHaveBeenCalledTimes(3);
    fireEvent.error(screen.getByRole('img'));
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('without a way to refresh, shows the message at once and Retry reloads the same link', async () => {
    render(<ImageViewer src="/documents/d1?sig=x" alt="Selfie, revision 1" label="Selfie" />);
    fireEvent.error(screen.getByRole('img'));
    expect(screen.getByRole('alert').textContent).toContain('This image could not be loaded.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('img', { name: 'Selfie, revision 1' }).getAttribute('src')).toBe('/documents/d1?sig=x');
  });
});
