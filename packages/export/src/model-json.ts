/**
 * The model file itself, for transfer: the loaded model as JSON, with every person removed from
 * the role assignments (the assignments stay, as vacancies, so who-holds-which-role-where is
 * kept). Personal data is only kept when the caller asks for it explicitly.
 */
import type { Model } from '@arshjul/model';

export interface ModelJsonOptions {
  /** Keep names and contact details in role assignments (default false). */
  keepPersonalData?: boolean;
}

export function modelJson(model: Model, options: ModelJsonOptions = {}): string {
  const out: Model = options.keepPersonalData
    ? model
    : {
        ...model,
        roles: model.roles.map((role) => ({
          ...role,
          assignments: role.assignments.map(({ person: _person, ...rest }) => rest),
        })),
      };
  return `${JSON.stringify(out, null, 2)}\n`;
}
