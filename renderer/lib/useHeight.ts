import { useCallback, useRef, useState } from 'react';

/**
 * The height of an element as it resizes: virtual tables need a number for `scroll.y`.
 * A callback ref, so it follows the element even when it mounts after the component.
 */
export function useHeight<T extends HTMLElement>(fallback: number): [(el: T | null) => void, number] {
  const [height, setHeight] = useState(fallback);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.max(120, Math.floor(entry.contentRect.height)));
    });
    observer.current.observe(el);
  }, []);
  return [ref, height];
}
