/**
 * The plan's outline in sections for the plan tab: one per top heading (what comes before the
 * first heading is a section too). The årshjul's section (its picture, month list and undated
 * items: the section with the wheel) may come from an outline a frame older than the rest, so
 * that the frame after an edit lays out the plan's tables and not the long month list too.
 */
import type { Block, Outline } from '@arshjul/export/pure';

export interface PlanSection {
  /** The heading's id, or `start` for what comes before the first heading. */
  id: string;
  blocks: Block[];
  /** The section with the årshjul's picture. */
  arshjul: boolean;
}

export function planSections(outline: Outline): PlanSection[] {
  const sections: PlanSection[] = [];
  let current: PlanSection = { id: 'start', blocks: [], arshjul: false };
  for (const block of outline.blocks) {
    if (block.kind === 'heading' && block.level <= 2) {
      if (current.blocks.length > 0) sections.push(current);
      current = { id: block.id, blocks: [], arshjul: false };
    }
    current.blocks.push(block);
    if (block.kind === 'wheel') current.arshjul = true;
  }
  if (current.blocks.length > 0) sections.push(current);
  return sections;
}

/** `now`'s sections, its årshjul section taken from `before` (when that has one). */
export function withArshjulFrom(now: Outline, before: Outline | null): PlanSection[] {
  const sections = planSections(now);
  const older = before ? planSections(before).find((s) => s.arshjul) : undefined;
  return older ? sections.map((s) => (s.arshjul ? older : s)) : sections;
}
