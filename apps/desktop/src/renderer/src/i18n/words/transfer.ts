/** Words of the transfer wizard and «Hent oppdateringer» (bokmål, nynorsk, English). */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {
  tabTransfer: { nb: 'Overføring', nn: 'Overføring', en: 'Transfer' },
} satisfies Record<string, Record<Lang, string>>;
