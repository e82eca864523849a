import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const STEP = 1.25;
const PAN_STEP = 40;

interface View {
  zoom: number;
  rotation: number;
  x: number;
  y: number;
}
const INITIAL: View = { zoom: 1, rotation: 0, x: 0, y: 0 };

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(z * 100) / 100));

/** refreshing: a fresh link is being fetched after a failure; failed: the message and Retry show. */
type Load = 'loading' | 'loaded' | 'refreshing' | 'failed';

export interface ImageViewerProps {
  src: string;
  alt: string;
  label: string;
  /**
   * refresh fetches fresh signed links (they expire): the viewer calls it once when the image
   * fails, then tries again with the new src. A second failure shows a message with Retry.
   */
  refresh?: () => Promise<unknown>;
}

/**
 * ImageViewer shows one document photo with zoom (buttons, + / −, wheel), pan (drag, arrow keys),
 * rotate, reset and open-in-new-tab. The image stays fitted to the frame at 100 %.
 */
export function ImageViewer({ src, alt, label, refresh }: ImageViewerProps) {
  const [view, setView] = useState<View>(INITIAL);
  const [load, setLoad] = useState<Load>('loading');
  // attempt remounts the <img>, so the browser asks again even when the src did not change.
  const [attempt, setAttempt] = useState(0);
  const [seenSrc, setSeenSrc] = useState(src);
  // refreshed: a fresh link was already fetched since the image last loaded. The next failure
  // then shows the message instead of refetching, so a broken file cannot cause a refetch loop.
  const refreshed = useRef(false);
  const alive = useRef(true);
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // A new link from the case (another viewer's refresh, the timed one) is worth one more try.
  if (src !== seenSrc) {
    setSeenSrc(src);
    if (load === 'failed') setLoad('loading');
  }

  const tryAgain = async (withFreshLink: boolean) => {
    if (withFreshLink && refresh) {
      refreshed.current = true;
      setLoad('refreshing');
      try {
        await refresh();
      } catch {
        // The retry below fails too and says so.
      }
      if (!alive.current) return;
    }
    setLoad('loading');
    setAttempt((a) => a + 1);
  };

  const onError = () => {
    if (refresh && !refreshed.current) void tryAgain(true);
    else setLoad('failed');
  };
  const onLoad = () => {
    refreshed.current = false;
    setLoad('loaded');
  };
  const failed = load === 'failed';

  const zoomBy = (factor: number) =>
    setView((v) => {
      const zoom = clampZoom(v.zoom * factor);
      return zoom === 1 ? { ...v, zoom, x: 0, y: 0 } : { ...v, zoom };
    });

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      zoomBy(e.deltaY < 0 ? STEP : 1 / STEP);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const pan = (dx: number, dy: number) => setView((v) => (v.zoom > 1 ? { ...v, x: v.x + dx, y: v.y + dy } : v));
    const keys: Record<string, () => void> = {
      '+': () => zoomBy(STEP),
      '=': () => zoomBy(STEP),
      '-': () => zoomBy(1 / STEP),
      '0': () => setView(INITIAL),
      ArrowLeft: () => pan(PAN_STEP, 0),
      ArrowRight: () => pan(-PAN_STEP, 0),
      ArrowUp: () => pan(0, PAN_STEP),
      ArrowDown: () => pan(0, -PAN_STEP),
    };
    const action = keys[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      e.stopPropagation();
      action();
    }
  };

  const onPointerDown = (e: PointerEvent) => {
    // No capture over the message: Retry must get its click.
    if (view.zoom <= 1 || e.button !== 0 || failed) return;
    drag.current = { id: e.pointerId, x: e.clientX - view.x, y: e.clientY - view.y };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    setView((v) => ({ ...v, x: e.clientX - d.x, y: e.clientY - d.y }));
  };
  const endDrag = () => {
    drag.current = null;
  };

  const percent = `${Math.round(view.zoom * 100)} %`;

  return (
    <div className="viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label={`${label} image controls`}>
        <button type="button" className="icon-button" onClick={() => zoomBy(1 / STEP)} disabled={view.zoom <= MIN_ZOOM} aria-label="Zoom out" title="Zoom out (−)">
          <span aria-hidden="true">−</span>
        </button>
        <output className="zoom-level" aria-label="Zoom level">{percent}</output>
        <button type="button" className="icon-button" onClick={() => zoomBy(STEP)} disabled={view.zoom >= MAX_ZOOM} aria-label="Zoom in" title="Zoom in (+)">
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className="icon-button" onClick={() => setView((v) => ({ ...v, rotation: (v.rotation + 90) % 360 }))} aria-label="Rotate" title="Rotate 90°">
          <span aria-hidden="true">↻</span>
        </button>
        <button type="button" className="text-button" onClick={() => setView(INITIAL)} disabled={view.zoom === 1 && view.rotation === 0 && view.x === 0 && view.y === 0}>
          Reset
        </button>
        <a className="text-button" href={src} target="_blank" rel="noopener noreferrer">
          Open in new tab<span className="visually-hidden"> ({label})</span>
        </a>
      </div>
      {/* A focusable pan-and-zoom frame: keys and the pointer move the photo. No ARIA widget role
          fits, so it stays a named group. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={frame}
        className={`viewer-frame${view.zoom > 1 && !failed ? ' is-zoomed' : ''}`}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="group"
        aria-label={`${label} photo`}
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={() => {
          if (failed) return;
          if (view.zoom > 1) setView(INITIAL);
          else zoomBy(STEP * STEP);
        }}
      >
        {failed ? (
          // In place of the image, never a broken-image icon. Zoom and rotation are kept for the retry.
          <div className="viewer-error">
            <p id={errorId} role="alert">
              <strong>This image could not be loaded.</strong> Check your connection, then retry.
            </p>
            <button type="button" className="button button-small" aria-describedby={errorId} onClick={() => void tryAgain(true)}>
              Retry
            </button>
          </div>
        ) : (
          <img
            key={attempt}
            src={src}
            alt={alt}
            draggable={false}
            onLoad={onLoad}
            onError={onError}
            className={load === 'loaded' ? 'is-loaded' : undefined}
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom}) rotate(${view.rotation}deg)` }}
          />
        )}
        <span id={hintId} className="visually-hidden">
          Plus and minus zoom, arrow keys pan, 0 resets. Double-click to zoom.
        </span>
      </div>
    </div>
  );
}
