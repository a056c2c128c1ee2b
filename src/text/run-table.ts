/**
 * Numbering runs of numbers by their content, without making strings: the near-duplicate search
 * numbers its texts (runs of code units), its words, and its word sets (runs of word ranks) this
 * way. At 100,000 questions, strings and Maps for these cost more than the search itself.
 */

/** Where a RunTable's runs are kept: a growable buffer, or a fixed array. */
export interface Store {
  readonly codes: ArrayLike<number>;
  length: number;
}

/**
 * Ids for runs of a store's numbers by their content, in order of storing: open addressing over
 * FNV-1a hashes. A run is stored by its place in the store, so the table holds no copy of it.
 */
export class RunTable {
  /** Per slot, a run's hash and its id + 1 (0: empty), side by side: one read tells most misses. */
  private slots: Int32Array;
  private starts: Int32Array;
  /** A bit per hash value modulo its size, set for each stored run's: most misses stop there. */
  private readonly hashed: Int32Array;
  size = 0;
  /** Whether the last `add` or `intern` stored a new run. */
  added = false;

  constructor(
    private readonly store: Store,
    expected = 16,
  ) {
    this.slots = new Int32Array(2 << Math.max(4, Math.ceil(Math.log2(expected * 2 + 1))));
    this.starts = new Int32Array(Math.max(16, expected) * 2);
    this.hashed = new Int32Array(1 << Math.max(5, Math.ceil(Math.log2(expected / 4 + 1))));
  }

  /**
   * The id of a stored run equal to values[begin … end), or -1. `hash`: the run's, when the
   * caller has it already (`hashStep`).
   */
  find(
    values: ArrayLike<number>,
    begin: number,
    end: number,
    hash = hashOf(values, begin, end),
  ): number {
    const bit = hash & ((this.hashed.length << 5) - 1);
    if (((this.hashed[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1;
    return (this.slots[this.slotOf(values, begin, end, hash) + 1] as number) - 1;
  }

  /** Stores the store's run [begin … end) unless an equal run is stored: the id of either. */
  add(begin: number, end: number, hash = hashOf(this.store.codes, begin, end)): number {
    const values = this.store.codes;
    const slot = this.slotOf(values, begin, end, hash);
    const known = this.slots[slot + 1] as number;
    this.added = known === 0;
    if (!this.added) return known - 1;
    const id = this.size++;
    if (2 * this.size > this.starts.length) this.starts = grown(this.starts, 0);
    this.slots[slot] = hash;
    this.slots[slot + 1] = id + 1;
    const bit = hash & ((this.hashed.length << 5) - 1);
    this.hashed[bit >>> 5] = (this.hashed[bit >>> 5] as number) | (1 << (bit & 31));
    this.starts[2 * id] = begin;
    this.starts[2 * id + 1] = end;
    if (this.size * 4 > this.slots.length) this.rehash();
    return id;
  }

  /**
   * Stores the run the store ends with, from `begin`, unless an equal run is stored — then it is
   * taken back off the store. The id of either. `hash`: the run's, if known.
   */
  intern(begin: number, hash?: number): number {
    const id = this.add(begin, this.store.length, hash);
    if (!this.added) this.store.length = begin;
    return id;
  }

  /** The slot of the run equal to values[begin … end), or the empty slot where it would go. */
  private slotOf(values: ArrayLike<number>, begin: number, end: number, hash: number): number {
    const stored = this.store.codes;
    const slots = this.slots;
    const mask = slots.length - 2;
    for (let slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
      const id = (slots[slot + 1] as number) - 1;
      if (id === -1) return slot;
      if (slots[slot] !== hash) continue;
      const from = this.starts[2 * id] as number;
      if (
        (this.starts[2 * id + 1] as number) - from === end - begin &&
        sameRun(stored, from, values, begin, end - begin)
      ) {
        return slot;
      }
    }
  }

  private rehash(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2));
    const mask = slots.length - 2;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = ((old[s] as number) << 1) & mask;
      while (slots[slot + 1] !== 0) slot = (slot + 2) & mask;
      slots[slot] = old[s] as number;
      slots[slot + 1] = old[s + 1] as number;
    }
  }
}

/**
 * A run's hash (FNV-1a): HASH_START, then `hashStep` with each of its numbers. A caller that reads
 * a run anyway (a word, while looking for its end) can hash it on the way and pass the hash on.
 */
export const HASH_START = 0x811c9dc5;

export function hashStep(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193);
}

function hashOf(values: ArrayLike<number>, begin: number, end: number): number {
  let hash = HASH_START;
  for (let k = begin; k < end; k++) hash = hashStep(hash, values[k] as number);
  return hash;
}

function sameRun(
  a: ArrayLike<number>,
  aFrom: number,
  b: ArrayLike<number>,
  bFrom: number,
  length: number,
): boolean {
  for (let k = 0; k < length; k++) if (a[aFrom + k] !== b[bFrom + k]) return false;
  return true;
}

/** A copy of `values` twice as long, the new half filled with `fill`. */
export function grown(values: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(values.length * 2).fill(fill);
  out.set(values);
  return out;
}

/** A growable buffer of 32-bit integers, a RunTable's store. */
export class IntBuffer {
  codes = new Int32Array(1024);
  length = 0;

  /** Room for `extra` more numbers. */
  reserve(extra: number): void {
    while (this.length + extra > this.codes.length) this.codes = grown(this.codes, 0);
  }
}
