package dk.rampe.api;

import dk.rampe.core.Language;
import java.text.MessageFormat;
import java.util.Locale;
import dk.rampe.text.Texts;

/**
 * What an error says to a person, in Danish (default) or English. Arguments are limits, ids
 * and dates, never a submitted value. The words live in the text catalogue
 * ({@code core/src/main/resources/dk/rampe/text/api_da.properties} and {@code api_en.properties}).
 */
public final class Messages {
    private Messages() {
    }

    public static String text(String code, Language language, Object... args) {
        String pattern = Texts.API.find(code, language);
        if (pattern == null) return code;
        Locale locale = language == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("da-DK");
        return new MessageFormat(pattern.replace("'", "''"), locale).format(stringify(args));
    }

    private static Object[] stringify(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) out[i] = String.valueOf(args[i]);
        return out;
    }
}
