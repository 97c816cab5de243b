/** Words of the school calendar editor (kommune, breaks, days off, import) (bokmål, nynorsk, English). */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {
  tabCalendar: { nb: 'Skolerute', nn: 'Skolerute', en: 'School calendar' },
} satisfies Record<string, Record<Lang, string>>;
