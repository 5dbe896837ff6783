package dk.rampe.web;

import dk.rampe.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The web app's texts, from its own bundle (web_da.properties, web_en.properties, UTF-8). */
final class Texts {
    private static final Properties DA = load("web_da.properties");
    private static final Properties EN = load("web_en.properties");

    private Texts() {
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static boolean has(Language lang, String key) {
        return (lang == Language.EN ? EN : DA).containsKey(key);
    }

    static String t(Language lang, String key, Object... args) {
        String s = (lang == Language.EN ? EN : DA).getProperty(key);
        if (s == null) return "??" + key + "??";
        if (args.length == 0) return s;
        return new MessageFormat(s.replace("'", "''"), lang == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("da-DK"))
                .format(args);
    }

    /**
     * The API's message for {@code code}: the same rule's text the API answers with, its dates written as the pages
     * write dates ("16. nov. 2026", not 2026-11-16).
     */
    static String api(String code, Language lang, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof java.time.LocalDate d ? Views.date(lang, d) : args[i];
        }
        return dk.rampe.api.Messages.text(code, lang, shown);
    }

    static java.util.Set<String> keys(Language lang) {
        return (lang == Language.EN ? EN : DA).stringPropertyNames();
    }
}
