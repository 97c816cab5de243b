/**
 * Updates that can wait a frame. An edit must reach the wheel and the plan in the frame after the
 * keystroke; what else shows it (the month list and legend beside the wheel, the list of
 * structures, the editor's reading of a rhythm and its next dates) follows in the frame after
 * that, so that the first frame has only the wheel (or the plan) to work out, lay out and paint.
 * A frame later is 16 ms: nobody sees it, everybody feels a slow frame.
 */
import { getCurrentScope, onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue';

/** What was asked for since the last frame began: runs as the frame after the next one begins. */
let asked: (() => void)[] = [];
/** What was asked for before the last frame began: runs as the coming frame begins. */
let due: (() => void)[] = [];
let ticking = false;

/** One animation frame: what is due runs, what was asked for since the last one becomes due. */
function tick(): void {
  const now = due;
  due = asked;
  asked = [];
  for (const fn of now) fn();
  ticking = due.length > 0 || asked.length > 0;
  if (ticking) requestAnimationFrame(tick);
}

/**
 * Runs `fn` as the frame after the next one begins (once the next frame, which shows what `fn`
 * follows, has been drawn); without animation frames (not a browser page), after the current
 * task. Gives a cancel.
 */
export function afterNextFrame(fn: () => void): () => void {
  let cancelled = false;
  const once = () => {
    if (!cancelled) fn();
  };
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(once, 0);
  } else {
    asked.push(once);
    if (!ticking) {
      ticking = true;
      requestAnimationFrame(tick);
    }
  }
  return () => {
    cancelled = true;
  };
}

/**
 * `source`'s value, one frame behind: a change shows in the frame after the one that shows the
 * wheel and plan (changes in between coalesce into the latest). Starts at the current value.
 */
export function lagging<T>(source: () => T): Readonly<ShallowRef<T>> {
  const value = shallowRef(source());
  let latest = value.value;
  let cancel: (() => void) | null = null;
  watch(
    source,
    (next) => {
      latest = next;
      cancel ??= afterNextFrame(() => {
        cancel = null;
        value.value = latest;
      });
    },
    // Looked at as a render would (once per flush), not at every change inside an edit.
    { flush: 'pre' },
  );
  if (getCurrentScope()) onScopeDispose(() => cancel?.());
  return value;
}

/**
 * Runs `fn` once the next frame has been drawn and the page is idle (at most `waitMs` later), or
 * soon where there are no frames: for work no frame waits for (the full check of the file after
 * an edit). Gives a cancel.
 */
export function idleAfterNextFrame(waitMs: number, fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  let idle: number | null = null;
  if (typeof requestAnimationFrame === 'function') {
    frame = requestAnimationFrame(() => {
      frame = null;
      if (typeof requestIdleCallback === 'function')
        idle = requestIdleCallback(fn, { timeout: waitMs });
      else timer = setTimeout(fn, 0);
    });
  } else timer = setTimeout(fn, 0);
  return () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (idle !== null) cancelIdleCallback(idle);
    if (timer !== null) clearTimeout(timer);
  };
}
