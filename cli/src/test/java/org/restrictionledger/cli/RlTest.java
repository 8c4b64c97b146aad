package org.restrictionledger.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: messages and exit codes, without any service running. */
class RlTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int rl(String... args) {
        return Rl.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionNamesTheServiceTheUrlAndTheSetting() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        assertEquals(ExitCode.UNAVAILABLE, rl("status", "RU", "--query-url", url));
        assertEquals("rl: cannot reach query at " + url + " (connection refused): is it running? Point rl at it with "
                + "--query-url or RL_QUERY_URL.\n", err.toString());
    }

    @Test
    void wrongUseIsExitTwoWithTheUsage() {
        assertEquals(ExitCode.USAGE, rl("verify"));
        assertTrue(err.toString().contains("Missing required argument"), err.toString());
        assertEquals(ExitCode.USAGE, rl("import", "no-such-file.csv"));
        assertTrue(err.toString().contains("rl: no-such-file.csv: no such file"), err.toString());
        assertEquals(ExitCode.USAGE, rl("status", "RU", "--query-url", "ftp://x"));
        assertEquals(ExitCode.NOT_FOUND, rl("verify", "Atlantis/whatsapp"));
        assertTrue(err.toString().contains("unknown country 'Atlantis'"), err.toString());
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        assertEquals(ExitCode.OK, rl("--help"));
        for (String command : new String[] {"import", "status", "timeline", "verify", "tail", "rebuild", "dlq"}) {
            assertTrue(out.toString().contains("  " + command + " "), command);
        }
        assertTrue(out.toString().replaceAll("\\s+", " ").contains("5 incomplete, run again to resume"), out.toString());
    }
}
