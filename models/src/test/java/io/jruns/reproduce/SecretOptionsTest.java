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
}
