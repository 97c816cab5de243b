/** Words of the organisation editor (bokmål, nynorsk, English). */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {} satisfies Record<string, Record<Lang, string>>;
