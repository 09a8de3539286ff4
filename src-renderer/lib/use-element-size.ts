import { startTransition, useLayoutEffect, useState, type RefObject } from 'react';

/** Tracks an element's content box; virtual lists need a pixel height. */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const { width, height } = el.getBoundingClientRect();
      // An interruptible render: measuring right after mount would otherwise re-render a whole
      // virtual list synchronously, in the same long task as the mount's commit.
      startTransition(() =>
        setSize((prev) =>
          Math.round(prev.width) === Math.round(width) && Math.round(prev.height) === Math.round(height)
            ? prev
            : { width, height },
        ),
      );
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
