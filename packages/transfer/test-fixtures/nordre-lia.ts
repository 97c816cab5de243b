/**
 * The mapping of the fictional «Bydel Nordre Lia» (examples/nordre-lia/kartlegging.json): no
 * school areas, an «oppvekstkoordinator» instead of the NSK, no SaLTo coordinator, local names
 * for meeting arenas, rhythms Grorud does not use, the work owned from the child welfare service.
 */
import { readFileSync } from 'node:fs';
import type { MappingInput } from '../src/mapping.js';

export const NORDRE_LIA_FILE = new URL(
  '../../../examples/nordre-lia/kartlegging.json',
  import.meta.url,
);

export const NORDRE_LIA_MAPPING: MappingInput = JSON.parse(
  readFileSync(NORDRE_LIA_FILE, 'utf8'),
) as MappingInput;

/** The Grorud model revised for 2026-27 (examples/grorud/grorudmodellen-2026-27.json). */
export const GRORUD_NEXT_FILE = new URL(
  '../../../examples/grorud/grorudmodellen-2026-27.json',
  import.meta.url,
);
