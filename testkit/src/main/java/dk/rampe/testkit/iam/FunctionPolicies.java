package dk.rampe.testkit.iam;

import dk.rampe.local.embedded.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each function's IAM policy as the template states it (its {@code Policies} section), with the
 * template's references resolved to example ARNs in one account and region: {@code !GetAtt
 * RampeTable.Arn} becomes {@code arn:aws:dynamodb:eu-north-1:123456789012:table/RampeTable}, a
 * parameter becomes its name. Calls recorded in tests are expressed the same way ({@link AwsCall}),
 * so a call is allowed exactly when one Allow statement of the function matches its action,
 * resource and conditions, as IAM would decide (no Deny statements are used by Rampe).
 *
 * <p>Rampe writes its policies as inline statements only. A SAM policy template or a managed
 * policy in a function's Policies is refused with its name, so a new one is expanded here (or the
 * check is extended) before it can pass unseen.
 */
public final class FunctionPolicies {
    public static final String REGION = "eu-north-1";
    public static final String ACCOUNT = "123456789012";

    /** One action and resource pattern of one Allow statement: the unit that is used or unused. */
    public record Grant(String function, String action, String resource, boolean notResource,
            Map<String, Object> condition) {
        @Override
        public String toString() {
            return function + ": " + action + (notResource ? " NOT on " : " on ") + resource
                    + (condition.isEmpty() ? "" : " if " + condition);
        }
    }

    /** A call as IAM sees it: the action, the resource ARN and the condition keys it carries. */
    public record AwsCall(String action, String resource, Map<String, String> context) {
        @Override
        public String toString() {
            return action + " on " + resource + (context.isEmpty() ? "" : " " + context);
        }
    }

    private final Map<String, List<Grant>> grants;
    private final Map<String, String> handlers;

    private FunctionPolicies(Map<String, List<Grant>> grants, Map<String, String> handlers) {
        this.grants = grants;
        this.handlers = handlers;
    }

    public static FunctionPolicies of(SamTemplate template) {
        Map<String, List<Grant>> grants = new LinkedHashMap<>();
        Map<String, String> handlers = new LinkedHashMap<>();
        Map<String, Map<String, Object>> resources = template.resources();
        template.resourcesOfType("AWS::Serverless::Function").forEach((name, fn) -> {
            Map<String, Object> props = SamTemplate.properties(fn);
            if (props.get("Handler") instanceof String h) handlers.put(h.split("::")[0], name);
            List<Grant> own = new ArrayList<>();
            Object policies = props.get("Policies");
            if (policies instanceof List<?> list) {
                for (Object policy : list) {
                    if (!(policy instanceof Map<?, ?> m) || !(m.get("Statement") instanceof List<?> statements)) {
                        throw new IllegalStateException(name + ": policy " + policy + " is not an inline statement"
                                + " list; expand it in FunctionPolicies before using it");
                    }
                    for (Object s : statements) own.addAll(grantsOf(name, (Map<?, ?>) s, resources));
                }
            } else if (policies != null) {
                throw new IllegalStateException(name + ": Policies must be a list of inline statements");
            }
            grants.put(name, List.copyOf(own));
        });
        return new FunctionPolicies(grants, handlers);
    }

    /** The function's logical id for a handler class named in the template, if it is one. */
    public Optional<String> functionOfHandler(String className) {
        return Optional.ofNullable(handlers.get(className));
    }

    public Map<String, String> handlers() {
        return handlers;
    }

    public Map<String, List<Grant>> grants() {
        return grants;
    }

    /** The grant that allows {@code call} for {@code function}, or empty when IAM would deny it. */
    public Optional<Grant> allowing(String function, AwsCall call) {
        for (Grant g : grants.getOrDefault(function, List.of())) {
            if (!glob(g.action(), call.action(), true)) continue;
            boolean matches = glob(g.resource(), call.resource(), false);
            if (g.notResource() == matches) continue;
            if (conditionHolds(g.condition(), call.context())) return Optional.of(g);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Grant> grantsOf(String function, Map<?, ?> statement, Map<String, Map<String, Object>> resources) {
        if (!"Allow".equals(statement.get("Effect"))) {
            throw new IllegalStateException(function + ": only Allow statements are checked, found " + statement);
        }
        boolean not = statement.containsKey("NotResource");
        List<Object> actions = asList(statement.get("Action"));
        List<Object> targets = asList(not ? statement.get("NotResource") : statement.get("Resource"));
        Map<String, Object> condition = statement.get("Condition") instanceof Map<?, ?> c
                ? (Map<String, Object>) c : Map.of();
        List<Grant> out = new ArrayList<>();
        for (Object a : actions) {
            for (Object r : targets) out.add(new Grant(function, (String) a, resolve(r, resources), not, condition));
        }
        return out;
    }

    private static List<Object> asList(Object o) {
        if (o == null) return List.of();
        return o instanceof List<?> l ? List.copyOf(l) : List.of(o);
    }

    /** A resource value with the template's intrinsics resolved to example ARNs. */
    @SuppressWarnings("unchecked")
    public static String resolve(Object value, Map<String, Map<String, Object>> resources) {
        if (value instanceof String s) return s;
        Map<String, Object> m = (Map<String, Object>) value;
        if (m.get("Ref") instanceof String ref) return ref(ref, resources);
        if (m.get("Fn::GetAtt") instanceof List<?> att) return getAtt((String) att.get(0), (String) att.get(1), resources);
        if (m.containsKey("Fn::Sub")) {
            Object sub = m.get("Fn::Sub");
            String text = sub instanceof List<?> l ? (String) l.get(0) : (String) sub;
            Matcher v = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
            StringBuilder out = new StringBuilder();
            while (v.find()) {
                String name = v.group(1);
                int dot = name.indexOf('.');
                String replacement = dot > 0 ? getAtt(name.substring(0, dot), name.substring(dot + 1), resources)
                        : ref(name, resources);
                v.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            v.appendTail(out);
            return out.toString();
        }
        throw new IllegalStateException("cannot resolve the resource " + value);
    }

    private static String ref(String name, Map<String, Map<String, Object>> resources) {
        return switch (name) {
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            default -> {
                Map<String, Object> r = resources.get(name);
                if (r != null && "AWS::SNS::Topic".equals(r.get("Type"))) yield arn("sns", name);
                if (r != null && "AWS::SQS::Queue".equals(r.get("Type"))) yield "https://sqs/" + name;
                yield name; // a table's or bucket's name, a parameter's value
            }
        };
    }

    private static String getAtt(String name, String attribute, Map<String, Map<String, Object>> resources) {
        Map<String, Object> r = resources.get(name);
        String type = r == null ? "" : String.valueOf(r.get("Type"));
        if (!attribute.equals("Arn")) return name + "." + attribute;
        return switch (type) {
            case "AWS::DynamoDB::Table" -> tableArn(name);
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
            case "AWS::SQS::Queue" -> arn("sqs", name);
            case "AWS::SNS::Topic" -> arn("sns", name);
            case "AWS::KMS::Key" -> arn("kms", "key/" + name);
            case "AWS::Serverless::Function" -> arn("lambda", "function:" + name);
            default -> throw new IllegalStateException("no example ARN for " + name + " (" + type + ")");
        };
    }

    public static String tableArn(String logicalId) {
        return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + logicalId;
    }

    public static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    /** IAM's wildcard match: {@code *} any run, {@code ?} one character; actions ignore case. */
    public static boolean glob(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
    }

    /**
     * The condition operators Rampe's policies use, on single-valued keys as a call carries them:
     * StringEquals / StringLike, also as ForAllValues: (dynamodb:LeadingKeys, s3:prefix). A key the
     * call does not carry fails the condition, as IAM's plain operators do.
     */
    private static boolean conditionHolds(Map<String, Object> condition, Map<String, String> context) {
        for (var op : condition.entrySet()) {
            String operator = op.getKey().toLowerCase(Locale.ROOT);
            boolean like = operator.endsWith("stringlike");
            if (!like && !operator.endsWith("stringequals")) {
                throw new IllegalStateException("condition operator " + op.getKey() + " is not checked yet");
            }
            for (var key : ((Map<?, ?>) op.getValue()).entrySet()) {
                String actual = context.get(String.valueOf(key.getKey()));
                if (actual == null) return false;
                boolean any = asList(key.getValue()).stream()
                        .anyMatch(p -> like ? glob(String.valueOf(p), actual, false) : String.valueOf(p).equals(actual));
                if (!any) return false;
            }
        }
        return true;
    }
}
