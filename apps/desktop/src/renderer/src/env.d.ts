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
    /** Milliseconds for the whole rebuild (årshjul, plan, wheel layout and SVG). */
    total: number;
    /** Milliseconds the last validation of the model file took (before the rebuild). */
    validate: number;
    arshjul: number;
    plan: number;
    layout: number;
    svg: number;
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
