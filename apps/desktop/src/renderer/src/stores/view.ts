/**
 * What the views show, derived from the model: the selected area and school year, the filters,
 * and from them the årshjul, the plan and the wheel's layout and SVG. Each rebuild is timed
 * (`window.__arshjulPerf`) for the E2E test.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { buildArshjul, buildPlan, type Arshjul, type ImplementationPlan } from '@arshjul/plan';
import { CalendarRegistry, type SchoolYear } from '@arshjul/school-calendar';
import { calendarRegistryFor, modelKommuneId } from '@arshjul/model';
import { layoutWheel, type WheelLayout } from '@arshjul/wheel';
import { planOutline, type Outline } from '@arshjul/export/pure';
import { lang } from '../i18n/index.js';
import { lastQuick, lastValidateMs, useModelStore } from './model.js';
import { filterArshjul, NO_FILTERS, type ArshjulFilters } from './filters.js';
import { arshjulWheelSpec } from './wheel-spec.js';

export const TABS = ['arshjul', 'plan', 'model', 'revision', 'calendar', 'transfer'] as const;
export type Tab = (typeof TABS)[number];
export const MODEL_SECTIONS = [
  'organisation',
  'roles',
  'participation',
  'documents',
  'onboarding',
  'routines',
  'glossary',
] as const;
export type ModelSection = (typeof MODEL_SECTIONS)[number];

export const DEFAULT_KOMMUNE = 'oslo';
export const DEFAULT_SCHOOL_YEAR = '2025-26';
export const WHEEL_SIZE = 1000;

/** The bundled school calendars (Oslo 2024-25 … 2027-28). */
export const registry = new CalendarRegistry();

export interface Derived {
  arshjul: Arshjul;
  /** The årshjul after the filters: what the wheel and the lists show. */
  shown: Arshjul;
  /** The wheel's layout: drawn on a canvas (`WheelCanvas`), pointed at through an overlay. */
  layout: WheelLayout;
}

let rebuilds = 0;

export const useViewStore = defineStore('view', () => {
  const models = useModelStore();
  /** An area id, or 'all' for the whole district; '' until a model is open (the first area). */
  const area = ref('');
  const schoolYearName = ref(DEFAULT_SCHOOL_YEAR);
  const filters = ref<ArshjulFilters>({ ...NO_FILTERS });
  const tab = ref<Tab>('arshjul');
  /** The export dialog is open. */
  const exportOpen = ref(false);
  /** The part of the model open on the model tab. */
  const modelSection = ref<ModelSection>('organisation');
  /** The structure open in the editor. */
  const selectedStructure = ref<string | null>(null);
  /** The wheel item selected (hover shows, click or keys select). */
  const selectedItem = ref<string | null>(null);
  /** The month zoomed into (`YYYY-MM`), or null for the whole year. */
  const zoomMonth = ref<string | null>(null);

  // The school year: the model's own calendar (`schoolCalendar`, its years over the bundled
  // ones) resolved once per change of it. Most edits leave `schoolCalendar` as it was (the
  // quick path shares it; a full check makes an equal copy), so the registry, and with it the
  // SchoolYear and its caches, stays the same object and nothing downstream is rebuilt for it.
  let calendarOf: unknown = undefined;
  let calendarKey = '';
  let calendarCache: CalendarRegistry = registry;
  /** The kommuner and their years as the model sees them (for the views and the Skolerute tab). */
  const calendars = computed<CalendarRegistry>(() => {
    const m = models.model;
    if (!m?.schoolCalendar) return registry;
    const district = m.organisation.district.kommune;
    if (m.schoolCalendar === calendarOf && calendarKey.startsWith(`${district}\u0000`))
      return calendarCache;
    const key = `${district}\u0000${JSON.stringify(m.schoolCalendar)}`;
    calendarOf = m.schoolCalendar;
    if (key === calendarKey) return calendarCache;
    try {
      calendarCache = calendarRegistryFor(m, registry);
      calendarKey = key;
    } catch {
      // A calendar the registry cannot take: the last one stays (the model's issues say why).
    }
    return calendarCache;
  });

  const kommuneId = computed(() => {
    const m = models.model;
    if (!m) return DEFAULT_KOMMUNE;
    try {
      return modelKommuneId(m, calendars.value);
    } catch {
      return DEFAULT_KOMMUNE;
    }
  });

  const schoolYears = computed(() => {
    try {
      return calendars.value.kommune(kommuneId.value).years();
    } catch {
      return [];
    }
  });

  const year = computed<SchoolYear | null>(() => {
    try {
      return calendars.value.schoolYear(kommuneId.value, schoolYearName.value);
    } catch {
      return null;
    }
  });

  const areas = computed(() => models.model?.organisation.areas ?? []);

  /** The area asked for when it exists; else the first area (or the district when none). */
  const effectiveArea = computed(() => {
    const list = areas.value;
    if (area.value === 'all') return 'all';
    if (list.some((a) => a.id === area.value)) return area.value;
    return list[0]?.id ?? 'all';
  });

  // Another school year has other months: back to the whole year.
  watch(schoolYearName, () => {
    zoomMonth.value = null;
  });

  // A newly opened model starts on its first area.
  watch(
    () => models.model?.id,
    () => {
      if (!areas.value.some((a) => a.id === area.value) && area.value !== 'all')
        area.value = areas.value[0]?.id ?? 'all';
    },
  );

  const result = computed<Derived | { error: string } | null>(() => {
    const model = models.model;
    const y = year.value;
    if (!model || !y) return null;
    const l = lang.value;
    const options = { area: effectiveArea.value, year: y, lang: l };
    try {
      const t0 = performance.now();
      const arshjul = buildArshjul(model, options);
      const t1 = performance.now();
      const shown = filterArshjul(arshjul, model, filters.value);
      const layout = layoutWheel(arshjulWheelSpec(shown, l), WHEEL_SIZE);
      const t2 = performance.now();
      rebuilds++;
      if (typeof window !== 'undefined') {
        window.__arshjulPerf = {
          total: t2 - t0,
          validate: lastValidateMs,
          quick: lastQuick,
          arshjul: t1 - t0,
          layout: t2 - t1,
          items: layout.items.length,
          count: rebuilds,
        };
      }
      return { arshjul, shown, layout };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });

  /** The implementation plan: built only while something shows it (the plan tab). */
  const planResult = computed<ImplementationPlan | { error: string } | null>(() => {
    const model = models.model;
    const y = year.value;
    if (!model || !y) return null;
    try {
      const t0 = performance.now();
      const built = buildPlan(model, { area: effectiveArea.value, year: y, lang: lang.value });
      if (typeof window !== 'undefined' && window.__arshjulPerf)
        window.__arshjulPerf = { ...window.__arshjulPerf, plan: performance.now() - t0 };
      return built;
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });

  const derived = computed(() =>
    result.value && !('error' in result.value) ? result.value : null,
  );
  const buildError = computed(() =>
    result.value && 'error' in result.value ? result.value.error : null,
  );

  const arshjul = computed(() => derived.value?.arshjul ?? null);
  const plan = computed(() =>
    planResult.value && !('error' in planResult.value) ? planResult.value : null,
  );
  const planError = computed(() =>
    planResult.value && 'error' in planResult.value ? planResult.value.error : null,
  );
  const layout = computed(() => derived.value?.layout ?? null);

  /**
   * The implementation plan as the exports write it (`planOutline`: the same headings, lists and
   * tables as the Word, PDF and HTML files), for the plan tab; built only while it is shown.
   */
  const outline = computed<Outline | null>(() => {
    const d = derived.value;
    const p = plan.value;
    if (!d || !p) return null;
    return planOutline(
      { area: effectiveArea.value, arshjul: d.arshjul, plan: p },
      { lang: lang.value },
    );
  });
  /** The wheel in the plan: the whole årshjul, as exported, whatever the wheel tab filters. */
  const planLayout = computed<WheelLayout | null>(() => {
    const d = derived.value;
    if (!d) return null;
    if (d.shown === d.arshjul) return d.layout;
    return layoutWheel(arshjulWheelSpec(d.arshjul, lang.value), WHEEL_SIZE);
  });

  function resetFilters(): void {
    filters.value = { ...NO_FILTERS };
  }

  return {
    area,
    effectiveArea,
    schoolYearName,
    schoolYears,
    year,
    kommuneId,
    calendars,
    areas,
    filters,
    tab,
    exportOpen,
    modelSection,
    selectedStructure,
    selectedItem,
    zoomMonth,
    buildError,
    planError,
    derived,
    arshjul,
    plan,
    layout,
    outline,
    planLayout,
    resetFilters,
  };
});
