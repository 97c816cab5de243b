import { describe, expect, it } from 'vitest';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { spreadSuggestedDates, type SpreadItem } from './index.js';

// Oslo 2025-26: winter break 16–20 February 2026, Easter break 30 March – 6 April 2026.
const year = new CalendarRegistry().schoolYear('oslo', '2025-26');
const SPRING = { from: '2026-01-05', to: '2026-06-22' };

describe('spreadSuggestedDates', () => {
  it('keeps the first on its day and moves the next a week later, a week earlier, …', () => {
    const items: SpreadItem[] = Array.from({ length: 6 }, () => ({
      date: '2026-01-26',
      window: SPRING,
    }));
    // 16 February (three weeks on) is in the winter break: the next school day is 23 February.
    expect(spreadSuggestedDates(items, year)).toEqual([
      '2026-01-26',
      '2026-02-02',
      '2026-01-19',
      '2026-02-09',
      '2026-01-12',
      '2026-02-23',
    ]);
    expect(items.every((i) => i.date === '2026-01-26')).toBe(true);
  });

  it('never moves a date without a window, and moves the others off its day', () => {
    const items: SpreadItem[] = [
      { date: '2026-04-14', window: SPRING },
      { date: '2026-04-14' },
      { date: '2026-04-14' },
    ];
    expect(spreadSuggestedDates(items, year)).toEqual(['2026-04-21', '2026-04-14', '2026-04-14']);
  });

  it('keeps a date out of its window, and skips days other items have', () => {
    const narrow = { from: '2026-03-02', to: '2026-03-06' };
    const items: SpreadItem[] = [
      { date: '2026-03-16', window: SPRING },
      { date: '2026-03-09', window: SPRING },
      { date: '2026-03-09', window: SPRING },
      { date: '2026-03-04', window: narrow },
      { date: '2026-03-04', window: narrow },
    ];
    // The second 9 March: 16 March is another item's, so 2 March; the second 4 March finds no
    // day a whole number of weeks away inside its five-day window, and stays.
    expect(spreadSuggestedDates(items, year)).toEqual([
      '2026-03-16',
      '2026-03-09',
      '2026-03-02',
      '2026-03-04',
      '2026-03-04',
    ]);
  });

  it('lets the narrowest window keep a shared day, whatever the order', () => {
    const week17 = { from: '2026-04-20', to: '2026-04-24' };
    const items: SpreadItem[] = [
      { date: '2026-04-20', window: SPRING },
      { date: '2026-04-20', window: week17 },
    ];
    // «uke 17» has nowhere else to go inside its week: the spring-wide one moves instead.
    expect(spreadSuggestedDates(items, year)).toEqual(['2026-04-27', '2026-04-20']);
  });

  it('moves to the school day before a break when moving earlier', () => {
    const items: SpreadItem[] = [
      { date: '2026-04-07', window: SPRING },
      { date: '2026-04-07', window: SPRING },
      { date: '2026-04-07', window: SPRING },
    ];
    // A week before 7 April is in the Easter break: the school day before it, Friday 27 March.
    expect(spreadSuggestedDates(items, year)).toEqual(['2026-04-07', '2026-04-14', '2026-03-27']);
  });
});
