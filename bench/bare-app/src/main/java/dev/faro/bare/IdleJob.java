package dev.faro.bare;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** One scheduled method, so the scheduler starts as it does in a service (it stays off with no jobs). */
@ApplicationScoped
public class IdleJob {

    @Scheduled(every = "1h", delayed = "1h")
    void idle() {
        // nothing: the job exists only to start the scheduler
    }
}
