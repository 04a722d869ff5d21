package dev.gearbox.server.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM basics every Gearbox exports: memory, GC, threads, CPU, uptime. Close to stop GC listening.
 * Two of Micrometer's names fail {@code promtool check metrics}: {@code process.cpu.time} is in
 * nanoseconds ({@code _ns_total}; {@code process.cpu.usage} stays) and is left out, and
 * {@code system.cpu.count} (a gauge ending in {@code _count}) is published as {@code system.cpu.logical}.
 */
public final class JvmMeters implements AutoCloseable {
    static final String CPU_COUNT = "system.cpu.count";
    static final String CPU_LOGICAL = "system.cpu.logical";
    static final String CPU_TIME = "process.cpu.time";

    private final JvmGcMetrics gc = new JvmGcMetrics();

    public JvmMeters(MeterRegistry registry) {
        registry.config()
                .meterFilter(MeterFilter.deny(id -> id.getName().equals(CPU_TIME)))
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        return id.getName().equals(CPU_COUNT) ? id.withName(CPU_LOGICAL) : id;
                    }
                });
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void close() {
        gc.close();
    }
}
