package org.conflictmap.geoparse;

/**
 * What a parser keeps across texts by name (a name's places and their rankings): a bounded table of
 * two-slot sets, where a new entry takes the first slot and moves the entry there to the second,
 * dropping the one in the second.
 *
 * <p>Lock-free, where a synchronised least-recently-used map would take a lock and relink its
 * entries on every read, from every thread: entries are immutable pairs, so a thread sees a whole
 * pair or none, and a race between two writers only drops an entry, to be worked out again. What is
 * kept is a pure function of the name, so what is dropped changes no answer.
 *
 * @param <V> what is kept per name
 */
final class RecentNames<V> {
  private record Entry<V>(String name, V value) {}

  private final Entry<V>[] slots;

  /** A table of {@code capacity} entries, a power of two no less than 2. */
  @SuppressWarnings("unchecked")
  RecentNames(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two >= 2: " + capacity);
    }
    slots = (Entry<V>[]) new Entry<?>[capacity];
  }

  /** What is kept for this name, or null. */
  V get(String name) {
    int set = set(name);
    Entry<V> first = slots[set];
    if (first != null && first.name().equals(name)) {
      return first.value();
    }
    Entry<V> second = slots[set + 1];
    if (second != null && second.name().equals(name)) {
      return second.value();
    }
    return null;
  }

  /** Keeps a value for a name that has none kept. */
  void put(String name, V value) {
    int set = set(name);
    slots[set + 1] = slots[set];
    slots[set] = new Entry<>(name, value);
  }

  private int set(String name) {
    int h = name.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & (slots.length - 2);
  }
}
