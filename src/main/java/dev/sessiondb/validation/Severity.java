package dev.sessiondb.validation;

import java.util.Locale;

/** How much a finding matters: an error loses or hides data, a warning will bite later. */
public enum Severity {
    ERROR, WARNING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
