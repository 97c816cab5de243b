import { describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { afterNextFrame, lagging } from './frames.js';

/** Animation frames run by hand: `frame()` runs the callbacks asked for before it. */
function frames() {
  let queue: FrameRequestCallback[] = [];
  let asked = 0;
  vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => {
    asked++;
    queue.push(fn);
    return queue.length;
  });
  return {
    frame: () => {
      const now = queue;
      queue = [];
      for (const fn of now) fn(0);
    },
    asked: () => asked,
  };
}

describe('afterNextFrame', () => {
  it('runs in the frame after the next one, all waiting together from one request', () => {
    const f = frames();
    const ran: string[] = [];
    afterNextFrame(() => ran.push('a'));
    afterNextFrame(() => ran.push('b'));
    const cancel = afterNextFrame(() => ran.push('c'));
    cancel();
    f.frame();
    expect(ran).toEqual([]);
    // Asked for after the first frame: its own next frame is the second, so it runs in the third.
    afterNextFrame(() => ran.push('d'));
    f.frame();
    expect(ran).toEqual(['a', 'b']);
    f.frame();
    expect(ran).toEqual(['a', 'b', 'd']);
    // One request per frame while anything waits, none after.
    expect(f.asked()).toBe(3);
    f.frame();
    expect(f.asked()).toBe(3);
    vi.unstubAllGlobals();
  });
});

describe('lagging', () => {
  it('follows its source a frame behind the views, the latest of several changes', async () => {
    const f = frames();
    const source = ref('Hver fjerde uke');
    const scope = effectScope();
    const lag = scope.run(() => lagging(() => source.value))!;
    expect(lag.value).toBe('Hver fjerde uke');
    source.value = 'Hver tredje uke';
    await nextTick();
    source.value = 'Hver andre uke';
    await nextTick();
    f.frame();
    expect(lag.value).toBe('Hver fjerde uke');
    f.frame();
    expect(lag.value).toBe('Hver andre uke');
    // Once its scope is gone (the component unmounted), a change waiting is dropped.
    source.value = 'Ved behov';
    await nextTick();
    scope.stop();
    f.frame();
    f.frame();
    expect(lag.value).toBe('Hver andre uke');
    vi.unstubAllGlobals();
  });
});
