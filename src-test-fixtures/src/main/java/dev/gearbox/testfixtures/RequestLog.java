package dev.gearbox.testfixtures;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The last {@code capacity} requests the mock received (oldest dropped first) and a count per model. */
final class RequestLog {
    private final int capacity;
    private final ArrayDeque<RecordedRequest> recent;
    private final ConcurrentHashMap<String, LongAdder> perModel = new ConcurrentHashMap<>();

    RequestLog(int capacity) {
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    boolean recording() {
        return capacity > 0;
    }

    void count(String model) {
        perModel.computeIfAbsent(model == null ? "" : model, m -> new LongAdder()).increment();
    }

    void record(RecordedRequest request) {
        if (capacity == 0) {
            return;
        }
        synchronized (recent) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(request);
        }
    }

    List<RecordedRequest> recent() {
        synchronized (recent) {
            return List.copyOf(new ArrayList<>(recent));
        }
    }

    long requests(String model) {
        LongAdder a = perModel.get(model);
        return a == null ? 0 : a.sum();
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        perModel.forEach((m, a) -> out.put(m, a.sum()));
        return out;
    }

    void clear() {
        synchronized (recent) {
            recent.clear();
        }
        perModel.clear();
    }
}
