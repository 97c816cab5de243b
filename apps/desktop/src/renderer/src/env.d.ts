/// <reference types="vite/client" />
import type { ArshjulApi } from '../../shared/api.js';

declare global {
  /** Set by the web build (`vite.web.config.ts`); undefined in the Electron renderer. */
  const __ARSHJUL_PLATFORM__: 'web' | undefined;

  interface Window {
    /** Exposed by the preload in Electron. */
    arshjul?: ArshjulApi;
    /** Timings of the last rebuild of the derived views, for the E2E test. */
    __arshjulPerf?: RebuildPerf;
  }

  interface RebuildPerf {
    /** Milliseconds for the whole rebuild of the wheel (årshjul and layout). */
    total: number;
    /** Milliseconds the last full check of the model file took. */
    validate: number;
    /** Whether the edit took the quick path (the changed structures checked at once, the whole file after the frame). */
    quick: boolean;
    arshjul: number;
    /** Milliseconds for the implementation plan, built only while the plan tab shows it. */
    plan?: number;
    layout: number;
    /** Milliseconds the last drawing of the wheel on its canvas took. */
    draw?: number;
    /** What the last drawing drew again: `all`, or `N items in M rectangles`. */
    drawn?: string;
    /** How many labels the last drawing wrote anew (the others were copied as kept pictures). */
    labelsWritten?: number;
    /** When (`performance.now()`) the last drawing of the wheel was done. */
    paintedAt?: number;
    items: number;
    /** How many rebuilds have happened. */
    count: number;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
