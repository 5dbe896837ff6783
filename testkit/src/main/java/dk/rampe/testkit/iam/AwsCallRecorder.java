package dk.rampe.testkit.iam;

import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.testkit.iam.FunctionPolicies.AwsCall;
import dk.rampe.testkit.iam.FunctionPolicies.Grant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Every AWS call a Lambda handler makes in a test, checked against that function's own policy in
 * infra/sam-template.yaml ({@link FunctionPolicies}). Registered for every SDK client on the test
 * classpath (the SDK's global interceptors file in testkit), so no test opts in.
 *
 * <p>The caller is the innermost handler class on the calling thread's stack that the template names
 * as a function's Handler; threads a handler starts (parallel reads) inherit it. Calls with no
 * handler on the stack (a test seeding its tables) are not the function's and are not checked.
 * A call the policy does not allow fails as AWS would fail it (an exception before anything is
 * sent), naming function, action and resource, and is printed to standard error. The calls and
 * the grants that allowed them are appended to target/aws-calls.txt of the module under test, from
 * which {@code IamPolicyTest} lists the grants no test used. {@code -Drampe.iam.check=off} turns it off.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {
    private static final boolean ON = !"off".equals(System.getProperty("rampe.iam.check"));
    private static volatile FunctionPolicies policies;
    /** Handed to a thread only when it is started from inside a handler (a parallel read), never later. */
    private static final InheritableThreadLocal<Caller> CALLER = new InheritableThreadLocal<>() {
        @Override
        protected Caller childValue(Caller parent) {
            return handlerOnStack().map(Caller::new).orElse(null);
        }
    };
    private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

    private record Caller(String function) {
    }

    static {
        if (ON) Runtime.getRuntime().addShutdownHook(new Thread(AwsCallRecorder::write, "aws-calls"));
    }

    static FunctionPolicies policies() {
        FunctionPolicies p = policies;
        if (p == null) {
            synchronized (AwsCallRecorder.class) {
                if (policies == null) policies = FunctionPolicies.of(SamTemplate.bundled());
                p = policies;
            }
        }
        return p;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!ON) return;
        Optional<String> function = caller();
        if (function.isEmpty()) return;
        for (AwsCall call : callsOf(context.request())) {
            Optional<Grant> grant = policies().allowing(function.get(), call);
            if (grant.isEmpty()) {
                String message = function.get() + " is not allowed to call " + call.action() + " on " + call.resource()
                        + (call.context().isEmpty() ? "" : " with " + call.context())
                        + " (its Policies in infra/sam-template.yaml)";
                RECORDED.add(function.get() + "\t" + call.action() + "\t" + call.resource() + "\tDENIED");
                System.err.println("IAM: " + message);
                throw SdkClientException.create("AccessDenied (test policy check): " + message);
            }
            RECORDED.add(function.get() + "\t" + call.action() + "\t" + call.resource() + "\t" + grant.get());
        }
    }

    /** The function whose handler makes the current call, if a handler does. */
    static Optional<String> caller() {
        Optional<String> handler = handlerOnStack();
        if (handler.isPresent()) return handler;
        // the local runner's own loops (its stand-in for the nudge sweep) are no function's
        if (StackWalker.getInstance().walk(f -> f.anyMatch(x -> x.getClassName().startsWith("dk.rampe.local.")))) {
            return Optional.empty();
        }
        Caller inherited = CALLER.get();
        return inherited == null ? Optional.empty() : Optional.of(inherited.function());
    }

    /** The innermost handler class on this thread's stack that the template names. */
    private static Optional<String> handlerOnStack() {
        FunctionPolicies p = policies();
        return StackWalker.getInstance().walk(frames -> frames.map(f -> {
            String c = f.getClassName();
            int inner = c.indexOf('$');
            return inner < 0 ? c : c.substring(0, inner);
        }).map(p::functionOfHandler).flatMap(Optional::stream).findFirst());
    }

    /** The IAM actions and resources one SDK request needs (a transaction needs each item's action). */
    static List<AwsCall> callsOf(SdkRequest request) {
        List<AwsCall> out = new ArrayList<>();
        if (request instanceof GetItemRequest r) out.add(item("GetItem", r.tableName(), r.key()));
        else if (request instanceof PutItemRequest r) out.add(item("PutItem", r.tableName(), r.item()));
        else if (request instanceof UpdateItemRequest r) out.add(item("UpdateItem", r.tableName(), r.key()));
        else if (request instanceof DeleteItemRequest r) out.add(item("DeleteItem", r.tableName(), r.key()));
        else if (request instanceof QueryRequest r) out.add(new AwsCall("dynamodb:Query", table(r.tableName(), r.indexName()), Map.of()));
        else if (request instanceof ScanRequest r) out.add(new AwsCall("dynamodb:Scan", table(r.tableName(), r.indexName()), Map.of()));
        else if (request instanceof BatchGetItemRequest r) r.requestItems().keySet().forEach(t ->
                out.add(new AwsCall("dynamodb:BatchGetItem", table(t, null), Map.of())));
        else if (request instanceof BatchWriteItemRequest r) r.requestItems().keySet().forEach(t ->
                out.add(new AwsCall("dynamodb:BatchWriteItem", table(t, null), Map.of())));
        else if (request instanceof TransactGetItemsRequest r) r.transactItems().forEach(i ->
                out.add(item("GetItem", i.get().tableName(), i.get().key())));
        else if (request instanceof TransactWriteItemsRequest r) r.transactItems().forEach(i -> out.add(transactItem(i)));
        else out.addAll(generic(request));
        return out;
    }

    private static AwsCall transactItem(TransactWriteItem i) {
        if (i.put() != null) return item("PutItem", i.put().tableName(), i.put().item());
        if (i.update() != null) return item("UpdateItem", i.update().tableName(), i.update().key());
        if (i.delete() != null) return item("DeleteItem", i.delete().tableName(), i.delete().key());
        return item("ConditionCheckItem", i.conditionCheck().tableName(), i.conditionCheck().key());
    }

    private static AwsCall item(String action, String table, Map<String, AttributeValue> key) {
        AttributeValue pk = key == null ? null : key.get("pk");
        // audit entries (SUBJECT#…) live only in the audit table, whatever a test named it
        boolean audit = pk != null && pk.s() != null && pk.s().startsWith("SUBJECT#");
        return new AwsCall("dynamodb:" + action, audit ? FunctionPolicies.tableArn("AuditTable") : table(table, null),
                pk == null || pk.s() == null ? Map.of() : Map.of("dynamodb:LeadingKeys", pk.s()));
    }

    /** A table of the tests (any name) as the template's table: the audit table or the domain table. */
    private static String table(String name, String index) {
        String logical = name.toLowerCase().contains("audit") ? "AuditTable" : "RampeTable";
        return FunctionPolicies.tableArn(logical) + (index == null ? "" : "/index/" + index);
    }

    /** S3, SES, SNS, SQS and others: the operation's own action on the template's one resource of its kind. */
    private static List<AwsCall> generic(SdkRequest request) {
        String pkg = request.getClass().getPackageName(); // software.amazon.awssdk.services.<svc>.model
        String service = pkg.replaceFirst("^software\\.amazon\\.awssdk\\.services\\.", "").replaceFirst("\\.model$", "");
        String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
        switch (service) {
            case "s3" -> {
                String bucket = "arn:aws:s3:::ReportBucket";
                Optional<String> key = request.getValueForField("Key", String.class);
                if (operation.equals("ListObjectsV2") || operation.equals("ListObjects")) {
                    String prefix = request.getValueForField("Prefix", String.class).orElse("");
                    return List.of(new AwsCall("s3:ListBucket", bucket, Map.of("s3:prefix", prefix)));
                }
                String action = operation.equals("HeadObject") ? "GetObject" : operation;
                return List.of(new AwsCall("s3:" + action, key.map(k -> bucket + "/" + k).orElse(bucket), Map.of()));
            }
            case "sesv2", "ses" -> {
                // SendEmail needs the sending identity and, when one is named, the configuration set (the template's one)
                String resource = FunctionPolicies.arn("ses", "identity/EmailIdentity");
                Optional<String> set = request.getValueForField("ConfigurationSetName", String.class);
                AwsCall identity = new AwsCall("ses:" + operation, resource, Map.of());
                return set.isPresent() ? List.of(identity, new AwsCall("ses:" + operation,
                        FunctionPolicies.arn("ses", "configuration-set/NudgeEmailConfigurationSet"), Map.of()))
                        : List.of(identity);
            }
            case "sns" -> {
                Optional<String> topic = request.getValueForField("TopicArn", String.class)
                        .or(() -> request.getValueForField("TargetArn", String.class));
                return List.of(new AwsCall("sns:" + operation, topic.isPresent() ? topic.get() : "*", Map.of()));
            }
            default -> {
                return List.of(new AwsCall(service + ":" + operation, "*", Map.of()));
            }
        }
    }

    /** What was recorded in this JVM: function, action, resource, the grant that allowed it (or DENIED). */
    public static Collection<String> recorded() {
        return new TreeSet<>(RECORDED);
    }

    private static void write() {
        if (RECORDED.isEmpty() || !Files.isDirectory(Path.of("target"))) return;
        try {
            Files.write(Path.of("target", "aws-calls.txt"), new TreeSet<>(RECORDED),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write target/aws-calls.txt: " + e);
        }
    }
}
