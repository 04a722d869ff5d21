package dev.gearbox.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server's lifecycle phase and the number of requests in flight. Readiness reports
 * {@link Phase#SERVING}; a graceful stop switches to {@link Phase#DRAINING} and waits for the
 * in-flight count to reach zero.
 */
public final class ServerState {

    public enum Phase { STARTING, SERVING, DRAINING, STOPPED }

    private final Object lock = new Object();
    private Phase phase = Phase.STARTING;
    private int inFlight;

    public Phase phase() {
        synchronized (lock) {
            return phase;
        }
    }

    public boolean serving() {
        return phase() == Phase.SERVING;
    }

    public boolean draining() {
        Phase p = phase();
        return p == Phase.DRAINING || p == Phase.STOPPED;
    }

    public void moveTo(Phase next) {
        synchronized (lock) {
            phase = next;
            lock.notifyAll();
        }
    }

    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    public void requestStarted() {
        synchronized (lock) {
            inFlight++;
        }
    }

    public void requestFinished() {
        synchronized (lock) {
            inFlight--;
            if (inFlight <= 0) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Waits (on the caller's thread, never an event loop) until no request is in flight or the
     * grace period ends; true when the server drained completely.
     */
    public boolean awaitDrained(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
