/**
 * `npm run bench`: expansion throughput of @arshjul/recurrence against plain `rrule`.
 *
 * Speed is reported as ratios against a peer measured in the same process and run (never as
 * timed assertions): both sides run alternately, after a warm-up, over several rounds, and the
 * medians are printed.
 *
 * Part A — every Grorud cadence that rrule can express (grorud-model.md §2.1 «Oppfølging» and
 *   §3.1), one school year (Oslo 2025-26): `expandCadence(…, { cache: false })` against
 *   `rrulestr('RRULE:…', { dtstart }).between(first, last, true)` with the DTSTART our
 *   expansion reports, the RRule object created on every call (as a user of plain rrule would
 *   for a new rule). Before timing, the dates are checked to be the same (policy `keep`, i.e.
 *   before the holiday policy), so the ratio compares equal work; any difference is printed
 *   and the process exits non-zero.
 * Part B — 10,000 distinct, seeded, realistic cadences over five school years (Oslo 2024-25 …
 *   2028-29; 50,000 expansions) with the cache on (and cold: a fresh registry per round), plus
 *   plain rrule `between()` on the subset that has an RRULE, with the same date check.
 *
 * Target: never slower than plain rrule; aim for 3×.
 */
import * as rruleModule from 'rrule';
import {
  CalendarRegistry,
  dayNumber,
  dayNumberOf,
  daysInMonth,
  deriveOsloSchoolYear,
  isoDate,
  POINT_ANCHORS,
  weekdayOf,
  type IsoDate,
  type SchoolYear,
} from '@arshjul/school-calendar';
import {
  expandCadence,
  intervalDates,
  parseCadence,
  type Cadence,
  type ExpandOptions,
  type Expansion,
  type Rule,
  type SimpleRule,
  type TimeOfDay,
  type Weekday,
  type Window,
} from '../src/index.js';

// rrule ships faux ESM (rrule #548): under Node the named exports live on `default`.
type RRuleModule = typeof rruleModule;
const lib: RRuleModule =
  (rruleModule as unknown as { default?: RRuleModule }).default ?? rruleModule;
const { rrulestr } = lib;

const QUICK = process.argv.includes('--quick'); // a smoke run: fewer rounds, shorter samples

// ---------------------------------------------------------------------------------------------
// The Grorud phrases, verbatim

interface Phrase {
  /** Row id (§2.1) or «§3.1 #n». */
  id: string;
  /** The phrase as written in grorud-model.md. */
  text: string;
  /**
   * For a sentence that contains a rhythm: the rhythm words, a verbatim part of `text`
   * (checked below). They are what a user would type as the cadence.
   */
  cadence?: string;
}

/** §2.1, column «Oppfølging» (verbatim), all 37 rows. */
const TABLE_PHRASES: Phrase[] = [
  { id: 'T1.1', text: 'En gang i året' },
  { id: 'T1.2', text: 'Hvert kvartal' },
  { id: 'T1.3', text: 'Ved budsjettlegging i bydelen' },
  { id: 'T1.4', text: 'Justeres en gang i året' },
  { id: 'T1.5', text: 'Justeres en gang i året' },
  { id: 'T2.1', text: 'Revideres en gang i året' },
  { id: 'T2.2', text: 'Revideres en gang i året' },
  { id: 'T2.3', text: 'Revideres en gang i året' },
  { id: 'T2.4', text: 'En gang i året' },
  { id: 'T2.5', text: 'En gang i året' },
  { id: 'T2.6', text: 'Revideres en ganger i året' },
  { id: 'T3.1', text: 'Ved behov' },
  { id: 'T3.2', text: 'Ved behov' },
  { id: 'T3.3', text: 'Ukentlig' },
  { id: 'T3.4', text: 'Ukentlig' },
  { id: 'T4.1', text: 'Hver fjerde uke' },
  { id: 'T4.2', text: 'Ved behov' },
  { id: 'T4.3', text: 'Ved behov' },
  { id: 'T4.4', text: 'En gang i året' },
  { id: 'T4.5', text: 'Hver 6. uke' },
  { id: 'T4.6', text: 'Ved behov' },
  { id: 'T4.7', text: 'Fire ganger i året' },
  { id: 'T5.1', text: 'En gang i forkant av sommerferien' },
  { id: 'T5.2', text: 'En gang i semesteret' },
  { id: 'T5.3', text: 'Samlinger gjennom hele året' },
  { id: 'T5.4', text: 'Revideres to ganger i året' },
  { id: 'T5.5', text: 'En gang i året' },
  { id: 'T5.6', text: 'Ved behov' },
  { id: 'T5.7', text: 'En gang i året' },
  { id: 'T6.1', text: 'Hver fjerde uke' },
  { id: 'T6.2', text: 'Ved behov' },
  { id: 'T6.3', text: 'En gang i uken/ved behov' },
  { id: 'T6.4', text: 'Hver uke / hver 2. uke' },
  { id: 'T6.5', text: 'Ved behov' },
  { id: 'T6.6', text: 'Ved behov' },
  { id: 'T6.7', text: 'Fire ganger i året' },
  { id: 'T6.8', text: 'En til to ganger i året' },
];

/** §3.1, column «Verbatim phrase» (cells holding two quotations are two entries). */
const OTHER_PHRASES: Phrase[] = [
  { text: 'en gang i uken' },
  {
    text: 'Det etableres jevnlige møter med rektor. Hyppighet avtale på den enkelte skole.',
    cadence: 'Hyppighet avtale på den enkelte skole',
  },
  { text: 'faste møter med seksjonssjefene under oppvekst hver 14 dag', cadence: 'hver 14 dag' },
  {
    text: 'I et område møtes to ganger årlig og drøfte den felles utviklingen, hva som har blitt gjort og hva som er neste felles skritt.',
    cadence: 'to ganger årlig',
  },
  {
    text: 'Konseptpapiret skal revideres på SaLTo-koordineringsgruppe … en gang årlig',
    cadence: 'en gang årlig',
  },
  { text: 'revidert fortløpende som stillingen endres', cadence: 'fortløpende' },
  {
    text: 'fire dager i uken; mandag-torsdag. Fredagene holdes av som fast «bydelsdag».',
    cadence: 'fire dager i uken; mandag-torsdag',
  },
  { text: 'informasjonsmøter på barnehagenes planleggingsdager 1x i året', cadence: '1x i året' },
  {
    text: 'jevnlig drøftingsmøter og barnevernøvelser med de enkelte barnehagene … hver barnehage får besøk hver 8. uke',
    cadence: 'hver 8. uke',
  },
  { text: 'BVK regnes inn i mottaksturnusen i skolens ferier' },
  { text: 'Fast deltakelse på foreldremøter', cadence: 'Fast' },
  {
    text: 'Årlig undervisning for alle 1.trinnselever på barneskolene om kropp, grenser, vold og overgrep, samt om hvor man kan få hjelp. I samarbeid med skolehelsetjenesten.',
    cadence: 'Årlig',
  },
  {
    text: 'Temaundervisning og faste informasjonsmøter m/barnevernsøvelser for ansatte',
    cadence: 'faste',
  },
  { text: 'Faste økter med barnevernsøvelser og fagtema med barnehagene', cadence: 'Faste' },
  { text: 'veiledning med inntil 15 timer' },
  { text: 'BVK skal selv kunne veilede i familien i inntil 15 timer' },
  { text: 'Skolehelseteam (1xmnd)' },
  { text: 'Nærmiljøteam (1xmnd)' },
  {
    text: 'ukentlige drøftingsmøter vedr. sårbare elever, tidvis deltakelse i skolenes ressursteam/sospedteam o.l.',
    cadence: 'ukentlige',
  },
  {
    text: 'felles teammøter med barneverntjenestens mottaksteam 1x i måneden',
    cadence: '1x i måneden',
  },
  { text: 'deltakelse på barneverntjenestens personalmøter' },
  {
    text: 'felles ekstern veiledning med barneverntjenestens mottaksteam ca. hver 6. uke',
    cadence: 'ca. hver 6. uke',
  },
  { text: 'faste fagmøter hos barneverntjenesten ca. hver 6. uke', cadence: 'ca. hver 6. uke' },
  {
    text: 'saksgjennomgang/oppfølging fra mottaksleder ca. 1x i måneden',
    cadence: 'ca. 1x i måneden',
  },
  {
    text: 'Det avsettes tid en gang i året til å revidere samarbeidsavtalen mellom barneverntjenesten og skolene i bydelen.',
    cadence: 'en gang i året',
  },
  {
    text: 'evalueringsmøte av samarbeidsavtalen hvert vår semester',
    cadence: 'hvert vår semester',
  },
  {
    text: 'det tas fortløpende evaluering av arbeidet i samråd med nærmeste leder',
    cadence: 'fortløpende',
  },
  {
    text: 'BVK har ansvar for å rapportere endringer ved skolen fortløpende til nærmeste leder',
    cadence: 'fortløpende',
  },
  {
    text: 'presentere seg for både foreldre og elever i starten av skoleåret',
    cadence: 'i starten av skoleåret',
  },
  { text: 'primært i starten av skoleåret og ellers etter behov' },
  {
    text: 'deltatt på nesten alle foreldremøtene høsten 2022 … ca.150 foreldremøter på åtte skoler',
  },
  {
    text: 'Foreldremøtene på våren i 7 trinn er i tillegg flyttet fra barneskole til ungdomsskole',
    cadence: 'på våren',
  },
  { text: 'inviterer 7 trinn fra barneskolen på friminutt på ungdomsskolen' },
  { text: 'Programmet varer et år' },
  { text: 'satt i gang … høsten 2022' },
  { text: 'den årlige ungdomskonferansen (5-10 trinn)', cadence: 'årlige' },
  { text: 'Hvert andre år siden 2012' },
  { text: 'den årlige Elevundersøkelse', cadence: 'årlige' },
  { text: 'bevares i fem år etter prosjektet er avsluttet' },
  {
    text: 'juristen i barnevernstjenesten i bydel Grorud skal gi nye medarbeidere opplæring om taushetsplikten',
  },
].map((p, i) => ({ id: `§3.1 #${i + 1}`, ...p }));

const PHRASES: Phrase[] = [...TABLE_PHRASES, ...OTHER_PHRASES];

// ---------------------------------------------------------------------------------------------
// Plain rrule, the peer

const DAY_MS = 86_400_000;
const utc = (d: IsoDate): Date => new Date(dayNumber(d) * DAY_MS);
const fromUtc = (d: Date): IsoDate => isoDate(Math.floor(d.getTime() / DAY_MS));

/** What a user of plain rrule writes for a new rule: parse it, then ask for the dates. */
function plainBetween(rrule: string, dtstart: Date, from: Date, to: Date): Date[] {
  return rrulestr(`RRULE:${rrule}`, { dtstart }).between(from, to, true);
}

// ---------------------------------------------------------------------------------------------
// Timing

let sink = 0; // results flow here so no work can be optimised away
const now = (): number => performance.now();
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const geomean = (xs: readonly number[]): number =>
  Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/** Calls/s of `fn`, run in batches for at least `ms`. */
function opsPerSecond(fn: () => number, ms: number): number {
  const batch = 8;
  let n = 0;
  const t0 = now();
  let t = t0;
  do {
    for (let i = 0; i < batch; i++) sink += fn();
    n += batch;
    t = now();
  } while (t - t0 < ms);
  return (n * 1000) / (t - t0);
}

interface Race {
  /** Median calls/s per contender. */
  ops: Record<string, number>;
  /** Median over rounds of (contender ops / peer ops), measured in the same round. */
  ratio: Record<string, number>;
}

/**
 * Runs the contenders alternately (the order rotates every round) after a warm-up and returns
 * medians. `peer` names the contender the ratios are taken against.
 */
function race(
  contenders: Record<string, () => number>,
  peer: string,
  { rounds, ms, warmupMs }: { rounds: number; ms: number; warmupMs: number },
): Race {
  const names = Object.keys(contenders);
  for (const n of names) opsPerSecond(contenders[n]!, warmupMs);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const ratios: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]!);
    const got: Record<string, number> = {};
    for (const n of order) got[n] = opsPerSecond(contenders[n]!, ms);
    for (const n of names) {
      samples[n]!.push(got[n]!);
      ratios[n]!.push(got[n]! / got[peer]!);
    }
  }
  return {
    ops: Object.fromEntries(names.map((n) => [n, median(samples[n]!)])),
    ratio: Object.fromEntries(names.map((n) => [n, median(ratios[n]!)])),
  };
}

/** Milliseconds one call of `fn` takes. */
function timeOnce(fn: () => number): number {
  const t0 = now();
  sink += fn();
  return now() - t0;
}

// ---------------------------------------------------------------------------------------------
// Printing

function table(head: string[], rows: string[][], right: boolean[] = []): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const fmtOps = (x: number): string =>
  x >= 1e6
    ? `${(x / 1e6).toFixed(2)} M/s`
    : x >= 1e3
      ? `${(x / 1e3).toFixed(1)} k/s`
      : `${x.toFixed(0)} /s`;
const fmtRatio = (x: number): string => `${x.toFixed(2)}×`;
const fmtMs = (x: number): string => `${x.toFixed(0)} ms`;
const heading = (s: string): void => console.log(`\n${s}\n${'='.repeat(s.length)}`);

let mismatches = 0;
function mismatch(what: string, ours: readonly IsoDate[], theirs: readonly IsoDate[]): void {
  mismatches++;
  if (mismatches > 10) return;
  const a = new Set(ours);
  const b = new Set(theirs);
  console.log(`\n  !!! MISMATCH ${what}`);
  console.log(`      ours ${ours.length} dates, rrule ${theirs.length} dates`);
  console.log(`      only ours:  ${ours.filter((d) => !b.has(d)).join(' ') || '—'}`);
  console.log(`      only rrule: ${theirs.filter((d) => !a.has(d)).join(' ') || '—'}`);
}

const sameDates = (a: readonly IsoDate[], b: readonly IsoDate[]): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** Our dates before the holiday policy. */
function nominalDates(rule: Cadence | Rule, year: SchoolYear, start?: IsoDate): IsoDate[] {
  const opts: ExpandOptions = { policy: 'keep', cache: false, ...(start ? { start } : {}) };
  return expandCadence(rule, year, opts).occurrences.map((o) => o.date);
}

function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/**
 * The stretch rrule's between() is asked about: the school days (first … last) for rules that
 * recur, the whole school year (1 August – 31 July) for a date or an ISO week, which our
 * expansion keeps (and flags) even when it falls outside the school days.
 */
function rruleWindow(rule: Cadence | Rule, year: SchoolYear): [Date, Date] {
  const r = 'rule' in rule ? rule.rule : rule;
  return r.kind === 'date' || r.kind === 'week'
    ? [utc(year.span.from), utc(year.span.to)]
    : [utc(year.firstSchoolDay), utc(year.lastSchoolDay)];
}

// ---------------------------------------------------------------------------------------------
// Part A: the Grorud cadences rrule can express, Oslo 2025-26

function partA(): number {
  const registry = new CalendarRegistry();
  const year = registry.schoolYear('oslo', '2025-26');
  heading(`Part A — Grorud cadences vs plain rrule between(), ${year.label}`);

  interface Compared {
    rule: Cadence | SimpleRule;
    rrule: string;
    dtstart: IsoDate;
    phrases: string[];
  }
  const compared = new Map<string, Compared>();
  const kinds = new Map<string, number>();
  const notUnderstood: string[] = [];
  for (const p of PHRASES) {
    if (p.cadence && !p.text.includes(p.cadence)) throw new Error(`${p.id}: «${p.cadence}» ∉ text`);
    const parsed = parseCadence(p.cadence ?? p.text);
    if (!parsed.ok) {
      notUnderstood.push(`${p.id} «${p.cadence ?? p.text}»`);
      continue;
    }
    const rule = parsed.cadence.rule;
    kinds.set(rule.kind, (kinds.get(rule.kind) ?? 0) + 1);
    // An alternative is compared option by option.
    const parts: { rule: Cadence | SimpleRule; tag: string }[] =
      rule.kind === 'alternatives'
        ? rule.options.map((o, i) => ({ rule: o, tag: ` (option ${i + 1})` }))
        : [{ rule: parsed.cadence, tag: '' }];
    for (const part of parts) {
      const e = expandCadence(part.rule, year, { cache: false });
      if (e.rrule === null || e.dtstart === null) continue;
      const key = `${e.rrule} ${e.dtstart}`;
      const c = compared.get(key) ?? {
        rule: part.rule,
        rrule: e.rrule,
        dtstart: e.dtstart,
        phrases: [],
      };
      c.phrases.push(`${p.id} «${p.cadence ?? p.text}»${part.tag}`);
      compared.set(key, c);
    }
  }
  const rules = [...compared.values()];
  console.log(
    `\n  ${PHRASES.length} phrases (${TABLE_PHRASES.length} from §2.1 «Oppfølging», ${OTHER_PHRASES.length} from §3.1); ` +
      `${PHRASES.length - notUnderstood.length} parsed: ` +
      [...kinds].map(([k, n]) => `${k} ${n}`).join(', ') +
      '.',
  );
  console.log(`  Not understood by parseCadence (${notUnderstood.length}, left out):`);
  for (const s of notUnderstood) console.log(`    ${s}`);
  const rrulePhrases = rules.reduce((a, r) => a + r.phrases.length, 0);
  console.log(
    `  rrule can express ${rrulePhrases} of them (counting alternatives' options), ${rules.length} distinct rules:`,
  );

  // Same dates before the holiday policy, so the ratio compares equal work.
  const counts: number[] = [];
  for (const r of rules) {
    const [from, to] = rruleWindow(r.rule, year);
    const ours = nominalDates(r.rule, year);
    const theirs = plainBetween(r.rrule, utc(r.dtstart), from, to).map(fromUtc);
    counts.push(theirs.length);
    if (!sameDates(ours, theirs))
      mismatch(`${r.rrule} DTSTART ${r.dtstart}, ${year.label} (${r.phrases[0]})`, ours, theirs);
  }

  const settings = QUICK
    ? { rounds: 3, ms: 15, warmupMs: 30 }
    : { rounds: 7, ms: 30, warmupMs: 100 };
  const rows: string[][] = [];
  const ratios: number[] = [];
  const slower: string[] = [];
  rules.forEach((r, i) => {
    const dtstart = utc(r.dtstart);
    const [from, to] = rruleWindow(r.rule, year);
    const res = race(
      {
        ours: () => expandCadence(r.rule, year, { cache: false }).occurrences.length,
        rrule: () => plainBetween(r.rrule, dtstart, from, to).length,
        cached: () => expandCadence(r.rule, year).occurrences.length,
      },
      'rrule',
      settings,
    );
    const ratio = res.ratio.ours!;
    ratios.push(ratio);
    if (ratio < 1) slower.push(r.rrule);
    rows.push([
      String(i + 1),
      r.rrule,
      r.dtstart,
      String(counts[i]),
      fmtOps(res.ops.ours!),
      fmtOps(res.ops.rrule!),
      fmtRatio(ratio) + (ratio < 1 ? ' SLOWER' : ''),
      fmtOps(res.ops.cached!),
      fmtRatio(res.ratio.cached!),
    ]);
  });
  console.log();
  table(
    [
      '#',
      'RRULE',
      'DTSTART',
      'dates',
      'ours',
      'rrule',
      'ours/rrule',
      'ours cached',
      'cached/rrule',
    ],
    rows,
    [true, false, false, true, true, true, true, true, true],
  );
  console.log('\n  Phrases per rule:');
  rules.forEach((r, i) => console.log(`  ${String(i + 1).padStart(2)}  ${r.phrases.join('; ')}`));
  const overall = geomean(ratios);
  console.log(
    `\n  ours = expandCadence(rule, year, { cache: false }) with the default holiday policy (moves dates off holidays);` +
      `\n  rrule = rrulestr('RRULE:…', { dtstart }).between(first school day, last school day, true), rule object made per call;` +
      `\n  cached = expandCadence with the cache on (the same rule again: a cache hit). Medians of ${settings.rounds} alternating rounds.`,
  );
  console.log(`  Geometric mean ours/rrule over ${rules.length} rules: ${fmtRatio(overall)}`);
  if (slower.length) console.log(`  SLOWER THAN PLAIN RRULE: ${slower.join(', ')}`);
  return overall;
}

// ---------------------------------------------------------------------------------------------
// Part B: 10,000 cadences over five school years

const YEARS = ['2024-25', '2025-26', '2026-27', '2027-28', '2028-29'];

function freshYears(): SchoolYear[] {
  const registry = new CalendarRegistry();
  registry.addFile({
    schemaVersion: 1,
    kommune: { id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo' },
    years: [deriveOsloSchoolYear(2028)],
  });
  return YEARS.map((y) => registry.schoolYear('oslo', y));
}

/** mulberry32: a small seeded PRNG, so every run expands the same rules. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Item {
  rule: Rule;
  options: ExpandOptions;
  /** For the breakdown: the kind, or the unit of an interval. */
  group: string;
}

function generate(n: number, seed: number): Item[] {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    let x = rnd() * xs.reduce((a, [, w]) => a + w, 0);
    for (const [v, w] of xs) if ((x -= w) < 0) return v;
    return xs[xs.length - 1]![0];
  };
  const weekdays = (k: number): Weekday[] => {
    const s = new Set<Weekday>();
    while (s.size < k) s.add(int(1, 5) as Weekday);
    return [...s].sort((a, b) => a - b);
  };
  const time = (): TimeOfDay => {
    const h = int(8, 19);
    const m = pick(['00', '15', '30', '45']);
    const start = `${String(h).padStart(2, '0')}:${m}`;
    return chance(0.7) ? { start, end: `${String(h + 1).padStart(2, '0')}:${m}` } : { start };
  };
  const maybeTime = (p = 0.6) => (chance(p) ? { time: time() } : {});
  // The phase of a series: a date it had, from a year before the first year to inside the third.
  const lo = dayNumberOf(2023, 8, 1);
  const hi = dayNumberOf(2026, 6, 30);
  const start = (): IsoDate => isoDate(int(lo, hi));
  const startWeekday = (): IsoDate => {
    let d = int(lo, hi);
    while (weekdayOf(d) > 5) d++;
    return isoDate(d);
  };
  const windows: Window[] = [
    { kind: 'before', break: 'sommerferie' },
    { kind: 'before', break: 'juleferie' },
    { kind: 'after', break: 'høstferie' },
    { kind: 'half', half: 'vår' },
    { kind: 'half', half: 'høst' },
    { kind: 'start-of-year' },
    { kind: 'end-of-year' },
    ...[8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6].map((month) => ({ kind: 'month' as const, month })),
  ];
  const anchors = POINT_ANCHORS.filter((a) => !a.startsWith('sommerferie.'));

  const interval = (): SimpleRule => {
    const unit = weighted([
      ['week', 82],
      ['day', 10],
      ['month', 5],
      ['year', 3],
    ] as const);
    if (unit === 'week') {
      const every = weighted([
        [1, 30],
        [2, 25],
        [3, 8],
        [4, 17],
        [5, 3],
        [6, 10],
        [7, 2],
        [8, 5],
      ] as const);
      const k = weighted([
        [0, 30],
        [1, 50],
        [2, 15],
        [3, 5],
      ] as const);
      return {
        kind: 'interval',
        every,
        unit,
        ...(k ? { weekdays: weekdays(k) } : {}),
        ...(chance(0.05) ? { approximate: true } : {}),
        ...maybeTime(),
      };
    }
    if (unit === 'day') return { kind: 'interval', every: 14, unit, ...maybeTime() };
    if (unit === 'month') return { kind: 'interval', every: pick([2, 3, 6]), unit, ...maybeTime() };
    return {
      kind: 'interval',
      every: pick([2, 3]),
      unit,
      since: int(2010, 2024),
      ...maybeTime(0.3),
    };
  };
  const count = (): SimpleRule => {
    const per = weighted([
      ['month', 25],
      ['year', 40],
      ['half', 20],
      ['quarter', 12],
      ['week', 3],
    ] as const);
    const cap = { week: 3, month: 2, quarter: 3, half: 4, year: 8 }[per];
    const min = int(1, cap);
    const max = chance(0.3) ? Math.min(cap + 1, min + int(1, 2)) : min;
    const within = per === 'year' && chance(0.45) ? { within: pick(windows) } : {};
    const days = chance(0.35) ? { weekdays: weekdays(int(1, 2)) } : {};
    return { kind: 'count', min, max, per, ...within, ...days, ...maybeTime() };
  };
  const make = (): { rule: Rule; start?: IsoDate } => {
    const kind = weighted([
      ['interval', 45],
      ['count', 33],
      ['anchor', 7],
      ['week', 5],
      ['date', 5],
      ['alternatives', 3],
      ['on-demand', 2],
    ] as const);
    switch (kind) {
      case 'interval': {
        const rule = interval();
        const phase = rule.kind === 'interval' && rule.unit !== 'year' && chance(0.8);
        const s = phase ? (rule.unit === 'month' ? start() : startWeekday()) : undefined;
        return { rule, ...(s ? { start: s } : {}) };
      }
      case 'count':
        return { rule: count() };
      case 'anchor': {
        const offset = chance(0.4)
          ? {
              offset: chance(0.5)
                ? { amount: pick([-5, -3, -2, -1, 1, 2, 3, 5]), unit: 'school-day' as const }
                : { amount: pick([-3, -2, -1, 1, 2]), unit: 'week' as const },
            }
          : {};
        return { rule: { kind: 'anchor', anchor: pick(anchors), ...offset, ...maybeTime() } };
      }
      case 'week': {
        const week = chance(0.5) ? int(33, 52) : int(1, 25);
        const days = chance(0.4) ? { weekdays: weekdays(int(1, 2)) } : {};
        return { rule: { kind: 'week', week, ...days, ...maybeTime() } };
      }
      case 'date': {
        const month = pick([8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]);
        return {
          rule: { kind: 'date', month, day: int(1, daysInMonth(2024, month)), ...maybeTime() },
        };
      }
      case 'alternatives': {
        const a: SimpleRule = { kind: 'interval', every: 1, unit: 'week', ...maybeTime() };
        const b: SimpleRule = chance(0.5)
          ? { kind: 'interval', every: 2, unit: 'week', ...maybeTime() }
          : { kind: 'on-demand' };
        const s = chance(0.8) ? startWeekday() : undefined;
        return { rule: { kind: 'alternatives', options: [a, b] }, ...(s ? { start: s } : {}) };
      }
      case 'on-demand':
        // Only 'on-demand' itself would repeat; its siblings make it a distinct cadence.
        return {
          rule: pick([
            { kind: 'on-demand' },
            { kind: 'continuous' },
            { kind: 'school-choice' },
            {
              kind: 'qualitative',
              word: pick(['jevnlig', 'fast', 'regelmessig', 'hyppig'] as const),
            },
            { kind: 'event', event: `budsjettlegging ${int(1, 1e6)}`, relation: 'at' },
          ] as Rule[]),
        };
    }
  };

  const seen = new Set<string>();
  const items: Item[] = [];
  while (items.length < n) {
    const { rule, start: s } = make();
    const key = JSON.stringify([rule, s]);
    if (seen.has(key)) continue;
    seen.add(key);
    const group = rule.kind === 'interval' ? `interval/${rule.unit}` : rule.kind;
    items.push({ rule, options: s ? { start: s } : {}, group });
  }
  return items;
}

function partB(): { ratio: number; ms: number } {
  const N = 10_000;
  const SEED = 0x5eed2025;
  heading(`Part B — ${N.toLocaleString('en')} cadences × ${YEARS.length} school years`);
  const items = generate(N, SEED);
  const expansions = items.length * YEARS.length;
  console.log(
    `\n  Oslo ${YEARS.join(', ')} (2028-29 via deriveOsloSchoolYear(2028)); ` +
      `${items.length.toLocaleString('en')} distinct cadences (seed 0x${SEED.toString(16)}): ` +
      [...countBy(items, (it) => it.group)].map(([g, n]) => `${g} ${n}`).join(', ') +
      '.',
  );

  /** One expansion that has an RRULE, and what plain rrule is asked for it. */
  interface Pair {
    /** Index into the flat (cadence × year) list. */
    index: number;
    group: string;
    rrule: string;
    dtstart: Date;
    from: Date;
    to: Date;
  }
  const pairsOf = (list: readonly Item[], years: SchoolYear[], results: readonly Expansion[]) => {
    const pairs: Pair[] = [];
    list.forEach((item, i) =>
      years.forEach((year, y) => {
        const e = results[i * years.length + y]!;
        if (e.rrule === null || e.dtstart === null) return;
        const [from, to] = rruleWindow(item.rule, year);
        const dtstart = utc(e.dtstart);
        pairs.push({
          index: i * years.length + y,
          group: item.group,
          rrule: e.rrule,
          dtstart,
          from,
          to,
        });
      }),
    );
    return pairs;
  };
  /** Ours over every (cadence, year), cache on; each call timed into `perCall` when given. */
  const oursPass =
    (list: readonly Item[], years: SchoolYear[], perCall?: Float64Array, results?: Expansion[]) =>
    () => {
      let s = 0;
      for (let i = 0; i < list.length; i++) {
        const item = list[i]!;
        for (let y = 0; y < years.length; y++) {
          const t = now();
          const e = expandCadence(item.rule, years[y]!, item.options);
          if (perCall) perCall[i * years.length + y] = now() - t;
          if (results) results[i * years.length + y] = e;
          s += e.occurrences.length;
        }
      }
      return s;
    };
  const rrulePass = (pairs: readonly Pair[], perCall?: Float64Array, results?: Date[][]) => () => {
    let s = 0;
    for (let k = 0; k < pairs.length; k++) {
      const p = pairs[k]!;
      const t = now();
      const dates = plainBetween(p.rrule, p.dtstart, p.from, p.to);
      if (perCall) perCall[k] = now() - t;
      if (results) results[k] = dates;
      s += dates.length;
    }
    return s;
  };

  // Warm-up on a slice.
  {
    const slice = items.slice(0, 1000);
    const years = freshYears();
    const results: Expansion[] = [];
    oursPass(slice, years, undefined, results)();
    rrulePass(pairsOf(slice, years, results))();
  }

  // Alternating rounds. Ours starts each round from a fresh registry, so the per-year cache is
  // cold and every expansion does its work; each call is timed as well (for the RRULE subset and
  // the breakdown by kind). Then the same pass again, where every expansion is a cache hit.
  const rounds = QUICK ? 1 : 3;
  const oursPerCall = new Float64Array(expansions);
  let pairs: Pair[] = [];
  let rrulePerCall = new Float64Array(0);
  const full: number[] = [];
  const warm: number[] = [];
  const subOurs: number[] = [];
  const subRRule: number[] = [];
  const subRatio: number[] = [];
  const byGroup = new Map<string, { ours: number[]; oursSub: number[]; rrule: number[] }>();
  let checked = 0;
  for (let r = 0; r < rounds; r++) {
    const years = freshYears();
    const peerFirst = r % 2 === 1; // round 0 needs our RRULEs first
    let peer = peerFirst ? timeOnce(rrulePass(pairs, rrulePerCall)) : 0;
    const results: Expansion[] | undefined = r === 0 ? [] : undefined;
    full.push(timeOnce(oursPass(items, years, oursPerCall, results)));
    warm.push(timeOnce(oursPass(items, years)));
    let peerDates: Date[][] | undefined;
    if (results) {
      pairs = pairsOf(items, years, results);
      rrulePerCall = new Float64Array(pairs.length);
      peerDates = [];
    }
    if (!peerFirst) peer = timeOnce(rrulePass(pairs, rrulePerCall, peerDates));
    if (results && peerDates) checked = verify(items, years, results, pairs, peerDates);

    let ours = 0;
    for (const p of pairs) ours += oursPerCall[p.index]!;
    subOurs.push(ours);
    subRRule.push(peer);
    subRatio.push(peer / ours);
    const acc = new Map<string, { ours: number; oursSub: number[]; rrule: number[] }>();
    const get = (g: string) => {
      let v = acc.get(g);
      if (!v) acc.set(g, (v = { ours: 0, oursSub: [], rrule: [] }));
      return v;
    };
    items.forEach((it, i) => {
      for (let y = 0; y < YEARS.length; y++)
        get(it.group).ours += oursPerCall[i * YEARS.length + y]!;
    });
    pairs.forEach((p, k) => {
      get(p.group).oursSub.push(oursPerCall[p.index]!);
      get(p.group).rrule.push(rrulePerCall[k]!);
    });
    for (const [g, v] of acc) {
      const b = byGroup.get(g) ?? { ours: [], oursSub: [], rrule: [] };
      b.ours.push(v.ours);
      if (v.rrule.length) {
        b.oursSub.push(median(v.oursSub));
        b.rrule.push(median(v.rrule));
      }
      byGroup.set(g, b);
    }
  }
  console.log(
    `  Dates checked against rrule before the holiday policy: ${checked.toLocaleString('en')} expansions ` +
      `(alternatives option by option), ${mismatches ? `${mismatches} MISMATCHES` : 'all equal'}.`,
  );

  const fullMs = median(full);
  const ratio = median(subRatio);
  const row = (label: string, n: number, xs: number[]) => [
    label,
    n.toLocaleString('en'),
    fmtMs(median(xs)),
    fmtMs(Math.min(...xs)),
    fmtOps((n * 1000) / median(xs)),
    `${((median(xs) * 1000) / n).toFixed(1)}`,
  ];
  console.log();
  table(
    ['measure', 'expansions', 'median', 'best', 'throughput', 'µs each'],
    [
      row('ours, all cadences, cache on (cold)', expansions, full),
      row('ours, all cadences, again (all cache hits)', expansions, warm),
      row('ours, the RRULE subset (within the cold pass)', pairs.length, subOurs),
      row('plain rrule between(), the RRULE subset', pairs.length, subRRule),
    ],
    [false, true, true, true, true, true],
  );
  console.log(
    `\n  RRULE subset, ours vs plain rrule between(): ${fmtRatio(ratio)} ` +
      `(median of ${rounds} alternating round${rounds > 1 ? 's' : ''})`,
  );

  console.log(
    "\n  Where the time goes (the cold pass, every call timed; a kind's total includes the GC" +
      '\n  pauses that hit its calls, so the comparison with rrule uses the median call):',
  );
  const groupSize = countBy(items, (it) => it.group);
  const subSize = countBy(pairs, (p) => p.group);
  const slower: string[] = [];
  table(
    [
      'kind',
      'cadences',
      'ours total',
      'share',
      'µs mean',
      'with RRULE',
      'ours µs median',
      'rrule µs median',
      'ours/rrule',
    ],
    [...byGroup]
      .sort((a, b) => median(b[1].ours) - median(a[1].ours))
      .map(([g, v]) => {
        const ms = median(v.ours);
        const n = subSize.get(g) ?? 0;
        const rt = n ? median(v.rrule.map((x, k) => x / v.oursSub[k]!)) : 0;
        if (n && rt < 1) slower.push(g);
        return [
          g,
          String(groupSize.get(g)),
          fmtMs(ms),
          `${((ms / fullMs) * 100).toFixed(0)}%`,
          ((ms * 1000) / ((groupSize.get(g) ?? 1) * YEARS.length)).toFixed(1),
          n ? String(n) : '—',
          n ? (median(v.oursSub) * 1000).toFixed(1) : '—',
          n ? (median(v.rrule) * 1000).toFixed(1) : '—',
          n ? fmtRatio(rt) + (rt < 1 ? ' SLOWER' : '') : '—',
        ];
      }),
    [false, true, true, true, true, true, true, true, true],
  );
  if (slower.length) console.log(`  SLOWER THAN PLAIN RRULE (median call): ${slower.join(', ')}`);
  return { ratio, ms: fullMs };
}

/**
 * Our dates before the holiday policy against rrule's, for every expansion with an RRULE
 * (alternatives option by option). Returns how many were compared.
 */
function verify(
  items: readonly Item[],
  years: SchoolYear[],
  results: readonly Expansion[],
  pairs: readonly { index: number }[],
  peerDates: readonly Date[][],
): number {
  const peerByIndex = new Map<number, Date[]>();
  pairs.forEach((p, k) => peerByIndex.set(p.index, peerDates[k]!));
  let checked = 0;
  items.forEach((item, i) =>
    years.forEach((year, y) => {
      const e = results[i * years.length + y]!;
      const parts: { rule: Rule; e: Expansion; primary: boolean }[] =
        item.rule.kind === 'alternatives'
          ? item.rule.options.map((o, k) => ({ rule: o, e: e.options![k]!, primary: k === 0 }))
          : [{ rule: item.rule, e, primary: true }];
      for (const part of parts) {
        if (part.e.rrule === null || part.e.dtstart === null) continue;
        const ours =
          part.rule.kind === 'interval'
            ? intervalDates(part.rule, year, item.options.start).dates.map(isoDate)
            : nominalDates(part.rule, year, item.options.start);
        const [from, to] = rruleWindow(part.rule, year);
        const timed = part.primary ? peerByIndex.get(i * years.length + y) : undefined;
        const theirs = (timed ?? plainBetween(part.e.rrule, utc(part.e.dtstart), from, to)).map(
          fromUtc,
        );
        checked++;
        if (!sameDates(ours, theirs))
          mismatch(
            `${JSON.stringify(part.rule)}${item.options.start ? ` start ${item.options.start}` : ''}: ` +
              `RRULE ${part.e.rrule} DTSTART ${part.e.dtstart}, ${year.label}`,
            ours,
            theirs,
          );
      }
    }),
  );
  return checked;
}

// ---------------------------------------------------------------------------------------------

const t0 = now();
console.log(
  `@arshjul/recurrence expansion benchmark — node ${process.version}${QUICK ? ' (--quick)' : ''}`,
);
const a = partA();
const b = partB();

heading('Summary');
console.log(
  `  10,000 cadences × 5 school years (50,000 expansions, cache on, cold): ${fmtMs(b.ms)} ` +
    `(${fmtOps((50_000 * 1000) / b.ms)})`,
);
console.log(`  RRULE subset of those vs plain rrule between(): ${fmtRatio(b.ratio)}`);
console.log(
  `  expansion vs plain rrule between(): ${a.toFixed(1)}× (target ≥ 1×, aim 3×)` +
    (a < 1 ? '  — BELOW TARGET' : a < 3 ? '  — below the 3× aim' : ''),
);
console.log(`  (run took ${((now() - t0) / 1000).toFixed(1)} s; checksum ${sink})`);
if (mismatches) {
  console.log(
    `\n  !!! ${mismatches} DATE MISMATCH(ES) BETWEEN OUR EXPANSION AND RRULE — the ratios above compare unequal work.`,
  );
  process.exitCode = 1;
}
