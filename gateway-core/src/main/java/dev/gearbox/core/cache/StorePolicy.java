package dev.gearbox.core.cache;

import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;

/**
 * Which answers may be stored: complete ones whose every choice finished with {@code stop}, or, when
 * configured, with any finish reason. Errors and cut streams never reach it.
 */
record StorePolicy(boolean storeNonStop) {
    static final String STOP = "stop";

    boolean storable(ChatResponse response) {
        if (response.choices().isEmpty()) {
            return false;
        }
        for (Choice c : response.choices()) {
            if (c.finishReason() == null || (!storeNonStop && !STOP.equals(c.finishReason()))) {
                return false;
            }
        }
        return true;
    }
}
