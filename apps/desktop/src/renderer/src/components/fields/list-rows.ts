/**
 * A list of the model file shown as a table (areas, schools, units, roles …): its rows as written,
 * whatever the validation says, and adding a row as one undoable edit, with the new row's first
 * field focused for its name.
 */
import { computed, nextTick } from 'vue';
import { useModelStore } from '../../stores/model.js';
import { insertAt, rowsOf, type Json, type JsonPath } from '../../stores/edits.js';

/** `firstField`: the test id of the field to focus in a new row, before `-<index>`. */
export function useListRows(base: JsonPath, firstField: string) {
  const models = useModelStore();
  const rows = computed(() => rowsOf(models.raw(base)));
  /** Adds `row` at the end of the list; false when the file could not take it. */
  function addRow(row: Json): boolean {
    if (!models.apply(insertAt(base, row))) return false;
    const index = rows.value.length - 1;
    void nextTick(() =>
      document.querySelector<HTMLInputElement>(`[data-testid="${firstField}-${index}"]`)?.focus(),
    );
    return true;
  }
  return { rows, addRow };
}
