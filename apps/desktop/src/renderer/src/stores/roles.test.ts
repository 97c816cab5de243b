import { describe, expect, it } from 'vitest';
import { loadModelText, type Model } from '@arshjul/model';
import { TEMPLATE_TEXT } from './template.js';
import { getAt, insertAt, serialize, type Json } from './edits.js';
import {
  assignmentState,
  hasPerson,
  memberChoices,
  newAssignment,
  newCollective,
  newRole,
  roleDuties,
  setPersonField,
  toggleMember,
} from './roles.js';

const ASOF = '2026-11-22';
const doc = JSON.parse(TEMPLATE_TEXT) as Json;

function load(d: Json) {
  return loadModelText(serialize(d), { asOf: ASOF, lang: 'nb' });
}
const grorud: Model = load(doc).model!;
const role = (id: string) => grorud.roles.find((r) => r.id === id)!;

describe('new roles and collectives', () => {
  it('a role takes its id from the abbreviation, else the title', () => {
    expect(newRole('Koordinator for frivillige', 'KF', doc)).toEqual({
      id: 'kf',
      title: 'Koordinator for frivillige',
      abbreviation: 'KF',
      assignments: [],
    });
    expect(newRole('Nærmiljøskolekoordinator', 'NSK', doc).id).toBe('nsk-2');
    expect(newRole(' Rektor ', '', doc)).toEqual({
      id: 'rektor-2',
      title: 'Rektor',
      assignments: [],
    });
    const result = load(insertAt(['roles'], newRole('Ny rolle', '', doc))(doc));
    expect(result.errors).toEqual([]);
    // A role nobody holds is worth a warning, not an error.
    expect(result.warnings.some((w) => w.path === `roles[${grorud.roles.length}]`)).toBe(true);
  });

  it('a collective gets a fresh id and no members (the participating schools)', () => {
    expect(newCollective('Skolene', doc)).toEqual({
      id: 'skolene-2',
      name: 'Skolene',
      members: [],
    });
  });
});

describe('assignments', () => {
  it('a new NSK assignment goes to the first area, all of which have one', () => {
    expect(newAssignment(role('nsk'), grorud, ASOF)).toEqual({ area: 'omrade-ammerud' });
  });

  it('a per-school role goes to the first participating school without a holder', () => {
    // skoleledelse has an assignment for each of the 8 schools; Bjøråsen has left.
    expect(newAssignment(role('skoleledelse'), grorud, ASOF)).toEqual({ school: 'ammerud' });
    const noRektor: Model = {
      ...grorud,
      roles: grorud.roles.map((r) =>
        r.id === 'rektor'
          ? { ...r, assignments: r.assignments.filter((a) => a.school !== 'grorud') }
          : r,
      ),
    };
    expect(
      newAssignment(
        noRektor.roles.find((r) => r.id === 'rektor')!,
        noRektor,
        ASOF,
      ),
    ).toEqual({ school: 'grorud' });
  });

  it('a district role gets an assignment without place', () => {
    expect(newAssignment(role('oppvekstsjef'), grorud, ASOF)).toEqual({});
  });

  it('knows when an assignment holds', () => {
    const [project, , , permanent] = role('nsk').assignments;
    expect(assignmentState(project!, ASOF)).toBe('past');
    expect(assignmentState(permanent!, ASOF)).toBe('current');
    expect(assignmentState({ from: '2030-01-01' }, ASOF)).toBe('future');
    expect(assignmentState({}, ASOF)).toBe('current');
  });

  it('an assignment without person is a vacancy; the Grorud file names nobody', () => {
    expect(hasPerson({ area: 'x', person: { name: 'Kari' } })).toBe(true);
    expect(hasPerson({ area: 'x' })).toBe(false);
    expect(hasPerson(undefined)).toBe(false);
    expect(grorud.roles.flatMap((r) => r.assignments).some((a) => a.person)).toBe(false);
  });
});

describe('the person of an assignment', () => {
  const path = ['roles', 0, 'assignments', 3] as const;

  it('is created by its first field and kept valid', () => {
    const withName = setPersonField(path, undefined, 'name', 'Kari Nordmann')(doc);
    expect(getAt(withName, [...path, 'person'])).toEqual({ name: 'Kari Nordmann' });
    const withMail = setPersonField(
      path,
      getAt(withName, [...path, 'person']),
      'email',
      'kari@example.org',
    )(withName);
    expect(getAt(withMail, [...path, 'person'])).toEqual({
      name: 'Kari Nordmann',
      email: 'kari@example.org',
    });
    const result = load(withMail);
    expect(result.errors).toEqual([]);
    expect(result.model!.roles[0]!.assignments[3]!.person).toEqual({
      name: 'Kari Nordmann',
      email: 'kari@example.org',
    });
    // Personal data in an assignment is where it belongs: no warning about it.
    expect(result.warnings.filter((w) => w.code === 'personal-data-outside-assignment')).toEqual(
      [],
    );
  });

  it('emptying the last field makes the assignment a vacancy again', () => {
    const withName = setPersonField(path, undefined, 'name', 'Kari')(doc);
    const emptied = setPersonField(path, { name: 'Kari' }, 'name', '')(withName);
    expect(getAt(emptied, path)).toEqual(getAt(doc, path));
    expect(hasPerson(getAt(emptied, path))).toBe(false);
  });

  it('emptying the name of a person with an e-mail shows the missing name', () => {
    const person = { name: 'Kari', email: 'kari@example.org' };
    const next = setPersonField(path, person, 'name', '')(doc);
    expect(getAt(next, [...path, 'person'])).toEqual({ email: 'kari@example.org' });
    const result = load(next);
    expect(result.errors.map((e) => e.path)).toContain('roles[0].assignments[3].person.name');
  });
});

describe('where roles are responsible', () => {
  const duties = roleDuties(grorud, ASOF);

  it('NSK follows up the concept paper, the onboarding plan for a new rektor and more', () => {
    const nsk = duties.get('nsk')!;
    const ids = nsk.responsibleFor.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['T1.5', 'T2.1', 'T2.6', 'T4.1', 'T5.2']));
    expect(ids).not.toContain('T2.2');
    expect(nsk.responsibleFor.find((s) => s.id === 'T4.1')!.label).toBe(
      'T4.1 Nærmiljøteam på hver skole',
    );
  });

  it('rektor follows up the plan for a new NSK/BVK', () => {
    expect(duties.get('rektor')!.responsibleFor.map((s) => s.id)).toContain('T2.2');
  });

  it('has an entry for every role, empty when it has no duties', () => {
    expect([...duties.keys()]).toEqual(grorud.roles.map((r) => r.id));
    for (const d of duties.values()) {
      expect(Array.isArray(d.responsibleFor)).toBe(true);
    }
    // The count of all role responsibilities matches the structures' responsible lists.
    const roleIds = new Set(grorud.roles.map((r) => r.id));
    const direct = grorud.structures.reduce(
      (n, s) => n + new Set(s.responsible.filter((id) => roleIds.has(id))).size,
      0,
    );
    const counted = [...duties.values()].reduce((n, d) => n + d.responsibleFor.length, 0);
    expect(counted).toBe(direct);
  });
});

describe('collective members', () => {
  it('toggles a member, keeping the order', () => {
    expect(toggleMember(['skolene', 'bydel-grorud'], 'fe', true)).toEqual([
      'skolene',
      'bydel-grorud',
      'fe',
    ]);
    expect(toggleMember(['skolene', 'bydel-grorud'], 'skolene', true)).toEqual([
      'skolene',
      'bydel-grorud',
    ]);
    expect(toggleMember(['skolene', 'bydel-grorud'], 'skolene', false)).toEqual(['bydel-grorud']);
    expect(toggleMember(undefined, 'fe', true)).toEqual(['fe']);
  });

  it('offers every party but the collective itself, grouped by kind', () => {
    const groups = memberChoices(grorud, 'felles');
    expect(groups.map((g) => g.kind)).toEqual([
      'district',
      'unit',
      'area',
      'school',
      'institution',
      'role',
      'collective',
    ]);
    expect(groups.at(-1)!.parties).toEqual([{ id: 'skolene', name: 'Skolene' }]);
    expect(groups.find((g) => g.kind === 'role')!.parties[0]).toEqual({
      id: 'nsk',
      name: 'Nærmiljøskolekoordinator (NSK)',
    });
  });
});
