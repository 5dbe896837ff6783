package dk.rampe.text;

import dk.rampe.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one text catalogue: every word a person reads (API errors, the follow-up page, the nudges)
 * lives in plain {@code .properties} files beside this class, read as UTF-8, one file per
 * catalogue and language ({@code api_da.properties}, {@code api_en.properties}, …). Danish is
 * the default; English is available. A catalogue is loaded once per language, lazily, on first
 * use (Lambda cold start pays only for what it reads). No framework, no reflection.
 */
public final class Texts {
    /** Every catalogue there is; the content checks run over all of them. */
    public static final Texts API = new Texts("api");
    public static final Texts PAGE = new Texts("page");
    public static final Texts NUDGES = new Texts("nudges");

    private final String name;
    private final Map<Language, Map<String, String>> loaded = new EnumMap<>(Language.class);

    private Texts(String name) {
        this.name = name;
    }

    public static Texts[] all() {
        return new Texts[] {API, PAGE, NUDGES};
    }

    public String name() {
        return name;
    }

    /** The text for {@code key}, or an exception if the catalogue lacks it (a programming error). */
    public String get(String key, Language language) {
        String v = find(key, language);
        if (v == null) throw new IllegalArgumentException("no text " + name + "/" + key);
        return v;
    }

    /** The text for {@code key}, or null. */
    public String find(String key, Language language) {
        return texts(language == null ? Language.DA : language).get(key);
    }

    /** Every key and text of one language (for checks and tests). */
    public synchronized Map<String, String> texts(Language language) {
        return loaded.computeIfAbsent(language, this::load);
    }

    private Map<String, String> load(Language language) {
        String file = name + "_" + (language == Language.EN ? "en" : "da") + ".properties";
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("missing text catalogue " + file);
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> out = new TreeMap<>();
            p.forEach((k, v) -> out.put((String) k, (String) v));
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
