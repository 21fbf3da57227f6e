package io.jruns.kernel;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/** jjava's kernel_info_reply plus the {@code status} field that the message spec requires and 1.0-a6 omits. */
final class KernelInfo extends KernelInfoReply {
    @SerializedName("status")
    private final String status = "ok";

    KernelInfo(String protocolVersion, String name, String version, LanguageInfo info, String banner, List<HelpLink> links) {
        super(protocolVersion, name, version, info, banner, links);
    }

    String status() {
        return status;
    }

    /** Java, as this kernel reports it: the running JVM's version, JShell source. */
    static LanguageInfo languageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                "java", "java", "script");
    }

    /** The Help menu's link to this JVM's API documentation. */
    static List<HelpLink> helpLinks() {
        int v = Runtime.version().feature();
        return List.of(new HelpLink("Java " + v + " API",
                "https://docs.oracle.com/en/java/javase/" + v + "/docs/api/index.html"));
    }
}
