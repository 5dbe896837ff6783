package dk.rampe.platform;

import java.util.Map;

/**
 * The published development values of Rampe's secrets (the CPR pepper, the follow-up link key,
 * the web session key) are in this repository, so anyone can forge what they sign. They serve the
 * local runner and tests only: in Lambda (AWS_LAMBDA_FUNCTION_NAME is set) a secret that is unset,
 * blank or equal to its development value stops the function at start, with a message that names
 * the variable and never its value.
 */
public final class DevelopmentSecrets {
    private DevelopmentSecrets() {
    }

    public static boolean inLambda(Map<String, String> env) {
        String name = env.get("AWS_LAMBDA_FUNCTION_NAME");
        return name != null && !name.isBlank();
    }

    /** In Lambda, throws when {@code variable} is unset, blank or its development value. */
    public static void refuseInLambda(Map<String, String> env, String variable, String developmentValue) {
        if (!inLambda(env)) return;
        String value = env.get(variable);
        if (value == null || value.isBlank()) throw notSet(variable);
        refuseDevelopmentValue(env, variable, developmentValue);
    }

    /** The failure of a secret a function needs in Lambda and does not have. */
    public static IllegalStateException notSet(String variable) {
        return new IllegalStateException(variable + " is not set; in AWS it must come from Secrets Manager"
                + " (the SAM template resolves it)");
    }

    /** In Lambda, throws when {@code variable} is set to its development value (unset is left to the code that needs it). */
    public static void refuseDevelopmentValue(Map<String, String> env, String variable, String developmentValue) {
        String value = env.get(variable);
        if (inLambda(env) && value != null && value.strip().equals(developmentValue)) {
            throw new IllegalStateException(variable + " is the published development value; in AWS it must be"
                    + " a secret of its own from Secrets Manager");
        }
    }
}
