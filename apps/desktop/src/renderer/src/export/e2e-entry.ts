/**
 * The web build's `exporter.js` (see `vite.web.config.ts`): the export and what a test needs to
 * set up a job in the page (the model loader and the school calendars), so the end-to-end test
 * can run the export in Chromium exactly as the app does, and the wheel's plain drawing (every
 * text written where it goes) to check the painter's copied labels against. Not part of the
 * Electron build.
 */
export { ExportJobError, runExport } from './exporter.js';
export { loadModelText } from '@arshjul/model';
export { CalendarRegistry } from '@arshjul/school-calendar';
export { drawWheelCanvas } from '@arshjul/wheel';
