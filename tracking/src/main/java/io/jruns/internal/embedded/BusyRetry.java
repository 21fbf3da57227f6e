package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/**
 * Runs a step on the store again, after a growing pause, while another process holds its lock:
 * past SQLite's own busy timeout, and where SQLite returns "busy" without waiting (two
 * connections switching a new file to WAL at once, where waiting would deadlock).
 */
final class BusyRetry {
    private static final int RETRIES = 20;

    private BusyRetry() {
    }

    /** A step that may meet another process's lock on the file. */
    interface Attempt<T> {
        T run() throws SQLException;
    }

    /** The attempt's result; its error when it is not "busy", or still "busy" after RETRIES pauses. */
    static <T> T run(Attempt<T> attempt) throws SQLException {
        for (int i = 0; ; i++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!isBusy(e) || i >= RETRIES) throw e;
                backoff(i);
            }
        }
    }

    static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY");
        }
        return false;
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 10L << Math.min(attempt, 6)) + (long) (Math.random() * 10));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted while waiting for the store lock");
        }
    }
}
