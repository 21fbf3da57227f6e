package io.jruns.reproduce;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run's environment.json is read by everyone who sees the run: secret-looking JVM options keep their name only. */
class SecretOptionsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-Dhttp.proxyPassword=hunter2                | -Dhttp.proxyPassword=<redacted>",
            "-Djavax.net.ssl.keyStorePassword=ks         | -Djavax.net.ssl.keyStorePassword=<redacted>",
            "-Dmlflow.token=dapi123                      | -Dmlflow.token=<redacted>",
            "-DAPI_KEY=k                                 | -DAPI_KEY=<redacted>",
            "-Ddb.secret=s                               | -Ddb.secret=<redacted>",
            "-Dgcp.credentials=/path/x.json              | -Dgcp.credentials=<redacted>",
            "-Dauth.header=Basic abc                     | -Dauth.header=<redacted>",
            "-Xmx2g                                      | -Xmx2g",
            "-Dfile.encoding=UTF-8                       | -Dfile.encoding=UTF-8",
            "-Dtrain.epochs=30                           | -Dtrain.epochs=30",
            "-Dflag                                      | -Dflag",
            "-XX:+UseSerialGC                            | -XX:+UseSerialGC"})
    void secretValuesAreNotRecorded(String option, String recorded) {
        assertEquals(List.of(recorded), SecretOptions.redacted(List.of(option)));
    }

    @org.junit.jupiter.api.Test
    void aReproducedKernelIsNotGivenAPlaceholderForASecret() {
        assertEquals(List.of("-Xmx2g"), ReusableJvmOptions.of(SecretOptions.redacted(List.of("-Xmx2g", "-Dmlflow.token=dapi"))));
    }

    @org.junit.jupiter.api.Test
    void aReproducedKernelIsNotGivenOptionsThatRunCodeButTheyAreNamed() {
        List<String> recorded = List.of("-Xmx2g", "-javaagent:/a.jar", "-XX:OnError=sh", "@/tmp/args", "-agentlib:jdwp=x");
        assertEquals(List.of("-Xmx2g"), ReusableJvmOptions.of(recorded));
        assertEquals(List.of("-javaagent:/a.jar", "-XX:OnError=sh", "@/tmp/args"), ReusableJvmOptions.runningCode(recorded),
                "the debugger agent is the old kernelspec's machinery, left out silently");
    }

    /** What a reproduction takes again from environment.json (anyone who can log to the run may replace it). */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "-Xmx8g                                      | true",
            "-Xss4m                                      | true",
            "-XX:+UseTransparentHugePages                | true",
            "-XX:Tier4InvocationThreshold=150000         | true",
            "-Dspark.master=local[2]                     | true",
            "-ea                                         | true",
            "--add-opens=java.base/java.lang=ALL-UNNAMED | true",
            "Evil                                        | false",
            "-cp                                         | false",
            "-jar                                        | false",
            "-Xbootclasspath/a:/tmp/evil                 | false",
            "--patch-module=java.base=/tmp/evil          | false",
            "-Djava.system.class.loader=Evil             | false",
            "-Djava.security.manager=allow               | false",
            "-Dlog4j.configurationFactory=x              | false",
            "-Dsome.impl.class=Evil                      | false",
            "-XX:OnOutOfMemoryError=sh                   | false",
            "-XX:ErrorFile=/home/me/.bashrc              | false",
            "-XX:HeapDumpPath=/home/me                   | false",
            "-XX:StartFlightRecording=filename=/x.jfr    | false",
            "-Xlog:all:file=/home/me/.bashrc             | false",
            "-javaagent:/a.jar                           | false",
            "@/tmp/args                                  | false"})
    void onlyOptionsThatTuneTheJvmAreTakenAgain(String option, boolean taken) {
        assertEquals(taken, ReusableJvmOptions.allowed(option));
        assertEquals(taken ? List.of(option) : List.of(), ReusableJvmOptions.of(List.of(option)));
    }
}
