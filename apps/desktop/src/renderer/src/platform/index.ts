/**
 * The platform the renderer runs on: `window.arshjul` from the preload in Electron, else the
 * browser adapter. Tests inject their own with `setApi`.
 */
import type { ArshjulApi } from '../../../shared/api.js';
import { createBrowserApi } from './browser.js';

let api: ArshjulApi | null = null;

export function getApi(): ArshjulApi {
  if (api) return api;
  const exposed = typeof window !== 'undefined' ? window.arshjul : undefined;
  const web = typeof __ARSHJUL_PLATFORM__ !== 'undefined' && __ARSHJUL_PLATFORM__ === 'web';
  api = exposed && !web ? exposed : createBrowserApi();
  return api;
}

/** Replaces the platform (tests). */
export function setApi(next: ArshjulApi | null): void {
  api = next;
}
