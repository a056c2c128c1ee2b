/**
 * Array helpers that never spread. `target.push(...items)`, `Math.max(...items)` and any other
 * `f(...items)` pass every item as an argument, on the stack: past about a hundred thousand items
 * (findings of a large workspace, rows of a view) that throws `RangeError: Maximum call stack size
 * exceeded`. These loop instead; ESLint forbids spreading into a call in src/ (eslint.config.js).
 */

/** Appends every item to `target`, in order; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest `of(item)`, or `empty` when there are no items. */
export function maxOf<T>(items: Iterable<T>, of: (item: T) => number, empty: number): number {
  let best: number | undefined;
  for (const item of items) {
    const value = of(item);
    if (best === undefined || value > best) best = value;
  }
  return best ?? empty;
}

/** The smallest `of(item)`, or `empty` when there are no items. */
export function minOf<T>(items: Iterable<T>, of: (item: T) => number, empty: number): number {
  let best: number | undefined;
  for (const item of items) {
    const value = of(item);
    if (best === undefined || value < best) best = value;
  }
  return best ?? empty;
}
