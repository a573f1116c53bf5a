/**
 * `list` with the item at `from` moved to `to` (both 0-based; `to` is its index afterwards).
 * Out-of-range indexes leave the list as it is. A new array; the input is not changed.
 */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length || from === to) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}
