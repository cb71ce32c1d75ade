/**
 * Seeded randomness. The benchmark compares workspaces that must share their recent activity
 * byte for byte, so every choice comes from a named stream: the same seed and stream name give
 * the same sequence, whatever else was generated before.
 */

/** A 32-bit hash of a string (FNV-1a), to turn "seed/stream" into a generator state. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, and good enough for picking words and minutes. */
export function makeRandom(seed, stream) {
  let state = hash32(`${seed}/${stream}`);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** Four base-36 characters, like the tool's id suffix. */
    suffix: () => Array.from({ length: 4 }, () => Math.floor(next() * 36).toString(36)).join(''),
  };
}
