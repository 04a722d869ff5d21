package dev.gearbox.core.cache;

/** What the caches found for a request: a stored answer, or a miss with what to store once answered. */
sealed interface Lookup {
    record Hit(CachedAnswer answer, CacheResult result) implements Lookup {
    }

    record Miss(StorePlan plan) implements Lookup {
    }
}
