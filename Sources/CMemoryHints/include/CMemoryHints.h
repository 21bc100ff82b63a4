// Hints to the memory system that Swift has no spelling for.
#ifndef CMEMORYHINTS_H
#define CMEMORYHINTS_H

/// Starts loading the cache line holding `address` without waiting for it, so that many
/// independent lookups into a large table can be in flight at once.
static inline void hanzi_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
