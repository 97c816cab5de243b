/** Words of the export dialog and printing (bokmål, nynorsk, English). */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {
  exportOpen: { nb: 'Eksporter …', nn: 'Eksporter …', en: 'Export …' },
} satisfies Record<string, Record<Lang, string>>;
