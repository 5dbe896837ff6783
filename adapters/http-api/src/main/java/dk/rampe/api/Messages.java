package dk.rampe.api;

import dk.rampe.core.Language;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What an error says to a person, in Danish (default) or English. Arguments are limits, ids
 * and dates, never a submitted value.
 */
public final class Messages {
    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            e("required", "Feltet skal udfyldes.", "This field is required."),
            e("unknownField", "Feltet kendes ikke.", "This field is not known."),
            e("type.object", "Skal være et JSON-objekt.", "Must be a JSON object."),
            e("type.string", "Skal være en tekst.", "Must be a string."),
            e("type.boolean", "Skal være true eller false.", "Must be true or false."),
            e("type.array", "Skal være en liste.", "Must be a list."),
            e("tooLong", "Må højst være {0} tegn.", "Must be at most {0} characters."),
            e("tooMany", "Højst {0} elementer.", "At most {0} items."),
            e("controlCharacters", "Indeholder kontroltegn.", "Contains control characters."),
            e("range", "Skal være et heltal fra {0} til {1}.", "Must be a whole number from {0} to {1}."),
            e("date.invalid", "Skal være en dato som ÅÅÅÅ-MM-DD.", "Must be a date as YYYY-MM-DD."),
            e("dateTime.invalid", "Skal være et tidspunkt med tidszone, fx 2026-11-24T10:00:00+01:00.",
                    "Must be a date and time with an offset, e.g. 2026-11-24T10:00:00+01:00."),
            e("date.beforeOpen", "Kan ikke ligge før intageåbningen.", "Cannot be before intake opens."),
            e("enum", "Skal være en af: {0}.", "Must be one of: {0}."),
            e("id.format", "Må kun indeholde bogstaver a-z, tal, punktum, bindestreg og understreg (højst 64).",
                    "May only contain letters a-z, digits, dot, hyphen and underscore (at most 64)."),
            e("reference.format", "Må kun indeholde bogstaver a-z, tal, punktum, bindestreg og understreg (højst 64).",
                    "May only contain letters a-z, digits, dot, hyphen and underscore (at most 64)."),
            e("cpr.format", "Et CPR-nummer er ti cifre (DDMMÅÅXXXX eller DDMMÅÅ-XXXX).",
                    "A CPR number is ten digits (DDMMYYXXXX or DDMMYY-XXXX)."),
            e("cpr.date", "CPR-nummerets første seks cifre er ikke en gyldig dato.",
                    "The first six digits of the CPR number are not a valid date."),
            e("phone.invalid", "Ikke et gyldigt telefonnummer (8 cifre, eller + og landekode).",
                    "Not a valid phone number (8 digits, or + and a country code)."),
            e("email.invalid", "Ikke en gyldig e-mailadresse.", "Not a valid email address."),
            e("duplicate", "Står der mere end én gang.", "Appears more than once."),
            e("unknownReference", "Henviser til noget, der ikke findes i indstillingerne.",
                    "Refers to something not in the settings."),
            e("json.malformed", "Kroppen er ikke gyldig JSON.", "The body is not valid JSON."),
            e("body.tooLarge", "Kroppen må højst fylde {0} bytes.", "The body may be at most {0} bytes."),
            e("body.missing", "Anmodningen mangler en krop.", "The request has no body."),
            e("contentType", "Content-Type skal være application/json.", "Content-Type must be application/json."),
            e("header.invalid", "1-128 tegn: bogstaver a-z, tal, punktum, kolon, bindestreg, understreg.",
                    "1-128 characters: letters a-z, digits, dot, colon, hyphen, underscore."),
            e("programme.unknown", "Programmet findes ikke.", "The programme does not exist."),
            e("programme.notPartner", "Jobcentret er ikke partner i programmet.",
                    "The jobcentre is not a partner of the programme."),
            e("intake.notOpen", "Der kan først visiteres fra {0}.", "Intake opens on {0}."),
            e("intake.closed", "Visitationen til programmet stoppede {0}.", "Intake to the programme stopped on {0}."),
            e("intake.overQuota", "Jobcentrets kvote er opbrugt: henvisningen er modtaget, men projektejeren afgør den.",
                    "The jobcentre's quota is used up: the referral is received, but the project owner decides on it."),
            e("citizen.alreadyActive", "Borgeren er allerede aktiv i programmet (henvisning {0}).",
                    "The citizen is already active in the programme (referral {0})."),
            e("citizen.alreadyActiveElsewhere", "Borgeren er allerede aktiv i programmet via et andet jobcenter.",
                    "The citizen is already active in the programme through another jobcentre."),
            e("idempotency.differentBody", "Nøglen er allerede brugt til en anden henvisning ({0}).",
                    "The key was already used for a different referral ({0})."),
            e("referral.notFound", "Henvisningen findes ikke.", "The referral does not exist."),
            e("referral.changedMeanwhile", "Henvisningen blev ændret imens. Prøv igen.",
                    "The referral was changed meanwhile. Try again."),
            e("status.transition", "Kan ikke gå fra status {0} til {1}.", "Cannot move from status {0} to {1}."),
            e("status.closed", "Henvisningen er afsluttet ({0}).", "The referral is closed ({0})."),
            e("consultant.unknown", "Konsulenten findes ikke i programmet.",
                    "The consultant is not in the programme."),
            e("role.jobcentreOnly", "Kun et jobcenter kan sende henvisninger.", "Only a jobcentre can send referrals."),
            e("role.staffOnly", "Kun programmets medarbejdere kan gøre dette.", "Only the programme's staff can do this."),
            e("role.adminOnly", "Kun en administrator kan gøre dette.", "Only an administrator can do this."),
            e("auth.missing", "Mangler gyldig adgangsnøgle.", "A valid access token is missing."),
            e("route.notFound", "Ukendt adresse.", "Unknown address."),
            e("method.notAllowed", "Metoden er ikke tilladt her.", "The method is not allowed here."),
            e("internal", "Der skete en fejl hos os. Intet blev gemt halvt; prøv igen.",
                    "Something went wrong on our side. Nothing was half-saved; try again."),
            e("validation", "Anmodningen har fejl i et eller flere felter.", "The request has errors in one or more fields."),
            // --- added by intake (hostile-tester fixes): date ranges, body encoding, local runner ---
            e("date.range", "Skal være en dato fra {0} til {1}.", "Must be a date from {0} to {1}."),
            e("dateTime.range", "Skal være et tidspunkt fra {0} til {1}.", "Must be a time from {0} to {1}."),
            e("body.base64", "Kroppen er markeret som base64, men er ikke gyldig base64.",
                    "The body is marked as base64 but is not valid base64."),
            e("encoding.malformed", "Kroppen er ikke gyldig UTF-8-tekst.", "The body is not valid UTF-8 text."),
            e("path.malformed", "Adressen har en ugyldig %-kodning.", "The address has a malformed percent-encoding."),
            e("duration.invalid", "Skal være en ISO-8601-varighed frem i tiden, fx PT2H eller P90D, højst 100 år.",
                    "Must be an ISO-8601 duration forward in time, e.g. PT2H or P90D, at most 100 years."),
            // --- aftercare (issue 10): the participant's path --------------------------------------
            e("path.afterExit", "Deltageren er udskrevet: der kan ikke registreres noget efter udskrivningen.",
                    "The participant has exited: nothing can be recorded after the exit."),
            e("path.jobNotStarted", "Der er ikke et igangværende job at afslutte eller ændre timer for.",
                    "There is no job in progress to end or change the hours of."),
            e("path.internshipNotStarted", "Der er ikke en igangværende praktik at afslutte.",
                    "There is no internship in progress to end."),
            e("path.jobOpen", "Der er allerede et igangværende job; afslut det først, eller registrér ændrede timer.",
                    "A job is already in progress; end it first, or record changed hours."),
            e("path.internshipOpen", "Der er allerede en igangværende praktik; afslut den først.",
                    "An internship is already in progress; end it first."),
            e("path.endBeforeStart", "Den forventede slutdato ligger før startdatoen.",
                    "The expected end is before the start."),
            e("path.correctionTarget",
                    "En rettelse skal pege på den seneste registrering af et forløbstrin af samme type.",
                    "A correction must point at the latest record of a step of the same type."),
            e("path.notEnrolled", "Deltageren er ikke startet i forløbet endnu.",
                    "The participant has not been enrolled yet."),
            e("exitDescription.notAvailable",
                    "Der er ingen udskrivningsbeskrivelse: deltageren er ikke udskrevet uden job eller uddannelse.",
                    "There is no exit description: the participant has not exited without a job or education."));

    private Messages() {
    }

    private static Map.Entry<String, String[]> e(String code, String da, String en) {
        return Map.entry(code, new String[] {da, en});
    }

    public static String text(String code, Language language, Object... args) {
        String[] t = TEXTS.get(code);
        if (t == null) return code;
        String pattern = t[language == Language.EN ? 1 : 0];
        Locale locale = language == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("da-DK");
        return new MessageFormat(pattern.replace("'", "''"), locale).format(stringify(args));
    }

    private static Object[] stringify(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) out[i] = String.valueOf(args[i]);
        return out;
    }
}
