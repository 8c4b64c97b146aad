package org.restrictionledger.infra;

import java.util.concurrent.TimeUnit;

/** Stopping the processes this module starts. */
final class Processes {

    private Processes() {
    }

    /** SIGTERM, so the process can shut down cleanly; SIGKILL if it has not within 30 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
