/** Words of the revision year (dashboard, records, «Start neste skoleår») (bokmål, nynorsk, English). */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {
  tabRevision: { nb: 'Revisjon', nn: 'Revisjon', en: 'Revision' },
} satisfies Record<string, Record<Lang, string>>;
