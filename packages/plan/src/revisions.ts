/** Which of the model's revisions concern a selection (an area or the whole district). */
import type { ModelRevision } from '@arshjul/model';
import type { Selection } from './common.js';

/**
 * The revisions that concern the selection: the model's own revision always; a structure's when
 * the structure is included; a document's when the document belongs to an included structure
 * or to none (a shared document).
 */
export function includedRevisions(sel: Selection, revisions: ModelRevision[]): ModelRevision[] {
  const docs = new Map(sel.model.documents.map((d) => [d.id, d]));
  return revisions.filter((r) => {
    const subject = r.rule.subject;
    switch (subject.kind) {
      case 'model':
        return true;
      case 'structure':
        return sel.structureIds.has(subject.structure);
      case 'document': {
        const doc = docs.get(subject.document);
        return (
          !doc ||
          doc.structures.length === 0 ||
          doc.structures.some((id) => sel.structureIds.has(id))
        );
      }
    }
  });
}
