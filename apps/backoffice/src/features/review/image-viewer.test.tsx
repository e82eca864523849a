import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImageViewer } from './image-viewer';

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
});
