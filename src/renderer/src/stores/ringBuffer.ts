/**
 * A fixed-capacity list that drops its oldest item when full: push is O(1), where copying the
 * whole list on each event cost up to 4,000 copies ten times a second while training. It is
 * mutable, so a store that holds one bumps `version` on every change and views select the
 * version, not the buffer (whose identity does not change).
 */
export class RingBuffer<T> {
  readonly capacity: number;
  private readonly items: (T | undefined)[];
  private start = 0;
  private size = 0;
  private changes = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`E_RENDERER_2: a ring buffer needs a capacity of 1 or more, not ${capacity}`);
    this.capacity = capacity;
    this.items = new Array<T | undefined>(capacity);
  }

  /** A buffer holding the newest `capacity` items of a list, in order. */
  static from<T>(items: readonly T[], capacity: number): RingBuffer<T> {
    const ring = new RingBuffer<T>(capacity);
    for (const item of items.slice(-capacity)) ring.push(item);
    return ring;
  }

  get length(): number {
    return this.size;
  }

  /** Counts changes: equal versions mean equal contents. */
  get version(): number {
    return this.changes;
  }

  /** Adds an item after the newest; when full, the oldest is dropped. */
  push(item: T): void {
    if (this.size < this.capacity) {
      this.items[(this.start + this.size) % this.capacity] = item;
      this.size += 1;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
    this.changes += 1;
  }

  /** The i-th oldest item; negative counts from the newest (-1 is the newest). */
  at(index: number): T | undefined {
    const i = index < 0 ? this.size + index : index;
    if (i < 0 || i >= this.size) return undefined;
    return this.items[(this.start + i) % this.capacity];
  }

  /** The items, oldest first, as a new array. */
  toArray(): T[] {
    const out = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }
}
