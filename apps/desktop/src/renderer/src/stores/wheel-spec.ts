/**
 * The årshjul as a wheel drawing: the same mapping the exports use (`@arshjul/export/pure`,
 * the browser-safe part of the export package), so the app shows the wheel the PDF prints.
 */
export {
  arshjulWheelSpec,
  entryLabel,
  RING_COLOURS,
  RING_ORDER,
  seriesItemId,
} from '@arshjul/export/pure';
