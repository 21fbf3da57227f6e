package io.jruns.reproduce;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The recorded JVM options a reproduced kernel gets again: the user's (-Xmx, -D...), not the
 * machinery of the old kernelspec (its CDS archive, a debugger agent, its class path).
 */
final class ReusableJvmOptions {
    private ReusableJvmOptions() {
    }

    /**
     * The recorded options a reproduction takes again: only those known to tune the JVM (heap and
     * stack sizes, -XX flags, system properties, assertions, module openings). environment.json
     * is an artifact anyone who can log to the run may replace, and a JVM option can run code (a
     * main class, a class path, an agent, a command on a crash, an option file, a system class
     * loader) or write files ({@code -Xlog:...:file=}); everything else is left out and named,
     * never passed on silently.
     */
    private static final Pattern ALLOWED = Pattern.compile(
            "-Xm[xsn]\\d+[kKmMgGtT]?|-Xss\\d+[kKmMgG]?|-XX:[+-]\\w+|-XX:\\w+=[^\\s]*|-D[^=\\s]+(=.*)?"
                    + "|-(ea|da|esa|dsa|enableassertions|disableassertions|enablesystemassertions|disablesystemassertions)(:[\\w.$]+(\\.\\.\\.)?)?"
                    + "|--add-(opens|exports|reads)=[\\w./]+=[\\w.,-]+|--add-modules=[\\w.,-]+|--enable-preview"
                    + "|--enable-native-access=[\\w.,-]+|-Xint|-Xbatch|-Xrs|-verbose:(gc|class|jni|module)|-showversion",
            Pattern.DOTALL);
    /** -XX options that run a command, read more options, or name a file the JVM writes. */
    private static final Pattern XX_REFUSED = Pattern.compile(
            "-XX:(On\\w*|Flags|VMOptionsFile|\\w*(File|Path|Dir|Directory)|StartFlightRecording|FlightRecorderOptions"
                    + "|CompileCommand\\w*)=.*", Pattern.DOTALL);
    /** System properties that choose classes the JVM loads or a security policy. */
    private static final Pattern D_REFUSED = Pattern.compile(
            "-D(java\\.system\\.class\\.loader|java\\.security\\..*|jdk\\..*|java\\.(library|class|ext|endorsed)\\.(path|dirs)"
                    + "|.*([cC]lass|[cC]lass[nN]ame|[fF]actory|[pP]rovider|[hH]andlers?|[lL]oader|[pP]kgs))(=.*)?", Pattern.DOTALL);

    static List<String> of(List<String> recorded) {
        return reusable(recorded).stream().filter(ReusableJvmOptions::allowed).toList();
    }

    /** The recorded options {@link #of} leaves out because they may run code or write files, for a line naming them. */
    static List<String> runningCode(List<String> recorded) {
        return reusable(recorded).stream().filter(o -> !allowed(o)).toList();
    }

    static boolean allowed(String option) {
        return ALLOWED.matcher(option).matches() && !XX_REFUSED.matcher(option).matches() && !D_REFUSED.matcher(option).matches();
    }

    private static List<String> reusable(List<String> recorded) {
        return recorded.stream().filter(o -> !(o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-Xshare:")
                || o.startsWith("-Xlog:cds") || o.startsWith("-XX:+AutoCreateSharedArchive")
                || o.startsWith("-agentlib:jdwp") || o.startsWith("-Djava.class.path=")
                || SecretOptions.isRedacted(o))).toList(); // a secret was not recorded: the user gives it again
    }
}
