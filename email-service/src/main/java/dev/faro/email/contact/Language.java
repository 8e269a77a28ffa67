package dev.faro.email.contact;

import java.util.Locale;

/** The languages Faro writes to leads in. Anything else a form reports is answered in Spanish. */
public enum Language {
    ES,
    EN;

    /** The language of a BCP 47 tag such as {@code en} or {@code en-GB}; Spanish when it is neither. */
    public static Language of(String locale) {
        if (locale == null) {
            return ES;
        }
        String language = locale.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return "en".equals(language) ? EN : ES;
    }

    /** The code stored in {@code contact.locale}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
