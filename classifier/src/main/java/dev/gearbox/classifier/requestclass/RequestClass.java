package dev.gearbox.classifier.requestclass;

import java.util.Locale;

/** What kind of work a request asks for; a bounded set, so it can tag metrics. */
public enum RequestClass {
    CODE, MATH, REASONING, KNOWLEDGE, WRITING, EXTRACTION, CHAT, OTHER;

    /** The lower-case name used as a metric tag value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
