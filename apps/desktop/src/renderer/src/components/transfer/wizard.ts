/**
 * What the wizard's step components share: the mapping they edit (the wizard shows a step only
 * while there is a source and a mapping), moving to a step with the focus on its title, and the
 * value of the input an event came from.
 */
import { computed, nextTick, type ComputedRef } from 'vue';
import type { Model } from '@arshjul/model';
import type { Mapping } from '@arshjul/transfer';
import { t, type MessageKey } from '../../i18n/index.js';
import { useTransferStore, type Step } from '../../stores/transfer.js';

/** The step's name in the step list and its title. */
export const stepWord = (s: Step): string => t(`tr.step.${s}` as MessageKey);

/** The text of the input (or select) an event came from. */
export const inputValue = (e: Event): string => (e.target as HTMLInputElement).value;
/** Whether the checkbox an event came from is checked. */
export const inputChecked = (e: Event): boolean => (e.target as HTMLInputElement).checked;

/** Moves the focus to the current step's title (after the step has been drawn). */
export function focusStepTitle(): void {
  void nextTick(() => document.getElementById('wizard-step-title')?.focus());
}

/** Goes to a step, with the focus on its title. */
export function showStep(s: Step): void {
  useTransferStore().goTo(s);
  focusStepTitle();
}

/** The mapping and the source of a step, and `edit` for one change to the mapping. */
export function useWizardStep(): {
  transfer: ReturnType<typeof useTransferStore>;
  m: ComputedRef<Mapping>;
  src: ComputedRef<Model>;
  edit: (fn: (x: Mapping) => Mapping) => void;
} {
  const transfer = useTransferStore();
  // The wizard's shell draws a step only while both are there.
  const m = computed(() => transfer.mapping as Mapping);
  const src = computed(() => transfer.source as Model);
  return { transfer, m, src, edit: (fn) => transfer.update(fn) };
}
