/** The typed arrays the compact index is made of. */
export type NumericArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;
type NumericArrayConstructor<A extends NumericArray> = { new (length: number): A; readonly BYTES_PER_ELEMENT: number };

/**
 * A typed array that grows by doubling as values are appended: the compact index appends passages one
 * at a time, and typed arrays keep every posting out of the garbage-collected heap (no per-posting
 * objects, 2 or 4 bytes a value instead of a boxed number and a Map entry).
 */
export class GrowableArray<A extends NumericArray> {
  private data: A;
  length = 0;

  constructor(
    private readonly type: NumericArrayConstructor<A>,
    initialCapacity = 1024,
  ) {
    this.data = new type(Math.max(16, initialCapacity));
  }

  /** Wraps an existing array (e.g. a snapshot section) without copying; appends copy it first. */
  static from<A extends NumericArray>(type: NumericArrayConstructor<A>, values: A): GrowableArray<A> {
    const array = new GrowableArray(type, 16);
    array.data = values;
    array.length = values.length;
    return array;
  }

  /** The backing array; only indexes below `length` are meaningful. Re-read it after appending. */
  get array(): A {
    return this.data;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /**
   * Ensures room for `capacity` values without reallocating. Small arrays double; past a million values
   * they grow by a quarter, so that spare room stays under 25% of a large index (still amortised O(1)).
   */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const grown = this.data.length < 1 << 20 ? this.data.length * 2 : Math.ceil(this.data.length * 1.25);
    const next = new this.type(Math.max(capacity, grown));
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }

  /** Sets length to `length`, growing (zero-filled) or truncating. */
  resize(length: number): void {
    this.reserve(length);
    if (length > this.length) this.data.fill(0, this.length, length);
    this.length = length;
  }

  /** The values, without copying (valid until the next append). */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }

  /** A right-sized copy, for snapshots. */
  copy(): A {
    return this.data.slice(0, this.length) as A;
  }

  /** Drops spare capacity (after a bulk build). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.copy();
  }
}
