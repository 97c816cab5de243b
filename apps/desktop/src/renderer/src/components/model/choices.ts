/**
 * The choices the model editors offer, in the model's own words and the UI's language: who can
 * be named (roles, collectives, units, … grouped by kind), only roles, the structures and the
 * documents. Computed from the open model; follow the language.
 */
import { computed, type ComputedRef } from 'vue';
import type { PartyKind } from '@arshjul/model';
import { lang, t, type MessageKey } from '../../i18n/index.js';
import { useModelStore } from '../../stores/model.js';
import { partyChoices, structureChoices, type RefChoice } from '../../stores/documents.js';
import { documentChoices } from '../../stores/onboarding.js';

export interface ModelChoices {
  parties: ComputedRef<RefChoice[]>;
  roles: ComputedRef<RefChoice[]>;
  structures: ComputedRef<RefChoice[]>;
  documents: ComputedRef<RefChoice[]>;
}

export function useModelChoices(): ModelChoices {
  const models = useModelStore();
  const groupName = (k: PartyKind) => t(`doc.pk.${k}` as MessageKey);
  return {
    parties: computed(() => {
      void lang.value;
      return models.model ? partyChoices(models.model, groupName) : [];
    }),
    roles: computed(() => {
      void lang.value;
      return models.model ? partyChoices(models.model, groupName, ['role']) : [];
    }),
    structures: computed(() => (models.model ? structureChoices(models.model) : [])),
    documents: computed(() => (models.model ? documentChoices(models.model) : [])),
  };
}
