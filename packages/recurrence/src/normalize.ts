/**
 * Brings a Norwegian rhythm phrase to one canonical, lower-case bokmål form before parsing:
 * nynorsk spellings, number words and ordinals become bokmål and digits ("fjerde" → 4,
 * "4." → 4), shorthand is expanded ("1xmnd" → "1 ganger måned"), punctuation is dropped.
 */

const NN_TO_NB: Record<string, string> = {
  ein: 'en',
  eitt: 'ett',
  gong: 'gang',
  gonger: 'ganger',
  gongen: 'gangen',
  kvar: 'hver',
  kvart: 'hvert',
  veke: 'uke',
  veka: 'uka',
  veker: 'uker',
  vekene: 'ukene',
  vekentleg: 'ukentlig',
  vekevis: 'ukevis',
  månad: 'måned',
  månaden: 'måneden',
  månader: 'måneder',
  månadleg: 'månedlig',
  årleg: 'årlig',
  halvårleg: 'halvårlig',
  dagleg: 'daglig',
  haust: 'høst',
  hausten: 'høsten',
  haustferie: 'høstferie',
  haustferien: 'høstferien',
  haustsemester: 'høstsemester',
  haustsemesteret: 'høstsemesteret',
  hausthalvåret: 'høsthalvåret',
  sumar: 'sommer',
  sumaren: 'sommeren',
  sumarferie: 'sommerferie',
  sumarferien: 'sommerferien',
  skuleår: 'skoleår',
  skuleåret: 'skoleåret',
  skulestart: 'skolestart',
  skuleslutt: 'skoleslutt',
  skuledag: 'skoledag',
  skuledagen: 'skoledagen',
  skuledagar: 'skoledager',
  skule: 'skole',
  skulen: 'skolen',
  skular: 'skoler',
  skulane: 'skolene',
  fyrste: 'første',
  heile: 'hele',
  jamleg: 'jevnlig',
  jamlege: 'jevnlige',
  fortløpande: 'fortløpende',
  måndag: 'mandag',
  tysdag: 'tirsdag',
  laurdag: 'lørdag',
  måndagen: 'mandagen',
  tysdagen: 'tirsdagen',
  laurdagen: 'lørdagen',
  sundag: 'søndag',
  sundagen: 'søndagen',
  sundagar: 'søndager',
  måndagar: 'mandager',
  tysdagar: 'tirsdager',
  onsdagar: 'onsdager',
  torsdagar: 'torsdager',
  fredagar: 'fredager',
  laurdagar: 'lørdager',
  søndagar: 'søndager',
  kvardagar: 'hverdager',
  vekedagar: 'hverdager',
  dagar: 'dager',
  reviderast: 'revideres',
  justerast: 'justeres',
  oppdaterast: 'oppdateres',
  evaluerast: 'evalueres',
  avtalast: 'avtales',
  einskilde: 'enkelte',
  einskild: 'enkelt',
  annakvar: 'annenhver',
  annankvar: 'annenhver',
  byrjinga: 'begynnelsen',
  trengst: 'trengs',
  sjuande: 'sjuende',
  åttande: 'åttende',
  niande: 'niende',
  tiande: 'tiende',
  fjortande: 'fjortende',
  frå: 'fra',
  kring: 'omkring',
  om_lag: 'ca',
  seinast: 'senest',
  kvarandre: 'hverandre',
};

const NUMBER_WORDS: Record<string, number> = {
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  åtte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  fjorten: 14,
  femten: 15,
  tjue: 20,
};

export const ORDINALS: Record<string, number> = {
  annen: 2,
  annet: 2,
  andre: 2,
  tredje: 3,
  fjerde: 4,
  femte: 5,
  sjette: 6,
  sjuende: 7,
  syvende: 7,
  åttende: 8,
  niende: 9,
  tiende: 10,
  tolvte: 12,
  fjortende: 14,
};

const ONE_BEFORE =
  '(gang|ganger|gangen|til|dag|dager|uke|uker|måned|år|kvartal|halvår|semester|skoledag|skoledager)';

export function normalizePhrase(text: string): string {
  let s = text.normalize('NFC').toLowerCase();
  s = s
    .replace(/[–—−‐]/g, '-')
    .replace(/[«»“”"'’`]/g, '')
    .replace(/[()[\]]/g, ' ')
    .replace(/\bom lag\b/g, 'om_lag')
    .replace(/[;,]/g, ' ')
    .replace(/:(\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]+$/, '')
    .trim();
  // Shorthand: 1xmnd, 2x i året, 1x/uke, mnd., pr.
  s = s
    .replace(/(\d+)\s*x\s*\/?\s*/g, '$1 ganger ')
    .replace(/\bmnd\b\.?/g, 'måned')
    .replace(/\bpr\b\.?/g, 'per')
    .replace(/\bca\b\.?/g, 'ca')
    .replace(/\bkl\b\.?/g, 'kl')
    .replace(/\bc:a\b/g, 'ca');
  // Nynorsk spellings.
  s = s.replace(/[\p{L}_]+/gu, (w) => NN_TO_NB[w] ?? w);
  // "hver fjerde", "annenhver", "hvert andre år".
  s = s
    .replace(/\bannenhver\b|\bannethvert\b|\bannahver\b/g, 'hver 2')
    .replace(/\bhvert\b/g, 'hver')
    .replace(/\bhver (\p{L}+)\b/gu, (m, w: string) => (ORDINALS[w] ? `hver ${ORDINALS[w]}` : m));
  // Ordinal dots: "hver 4. uke", "14. oktober".
  s = s.replace(/(\d+)\.(?=\s|$)/g, '$1').replace(/(\d+)\.(?=\p{L})/gu, '$1 ');
  // Number words.
  // (Word edges by hand: `\\b` does not see «é» as a letter.)
  s = s.replace(
    new RegExp(`(?<![\\p{L}\\d])(en|én|ett|et)(?= ${ONE_BEFORE}(?![\\p{L}\\d]))`, 'gu'),
    '1',
  );
  s = s.replace(/\p{L}+/gu, (w) => (NUMBER_WORDS[w] !== undefined ? String(NUMBER_WORDS[w]) : w));
  return s.replace(/\s+/g, ' ').trim();
}
