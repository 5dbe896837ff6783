package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What SAM deploys works on its own: each function's shaded jar, loaded alone (as the Lambda
 * runtime loads it), has its handler class, and the runtime's own event serializer turns the
 * function's sample event into the handler's input type using only the classes in that jar.
 * (The tests' classpath has far more, e.g. joda-time from DynamoDB Local; this test does not.) The
 * dispatcher takes its stream batch as bytes and reads it itself, with the classes of its jar alone.
 */
class ShadedJarTest {
    /**
     * The sample event of each function that takes a Lambda event type (the sweep takes a plain map, the
     * dispatcher its stream batch's bytes: {@link #theDispatcherJarAloneReadsItsStreamBatchAndAnswers}).
     */
    private static final Map<String, String> SAMPLES = Map.of(
            "ReferralIntakeFunction", "referral-intake/post-referral.json",
            "FollowUpPageFunction", "follow-up-page-get.json",
            "WebAppFunction", "web-app-get.json");

    /** What a function's jar may weigh (10 MB): Lambda reads and unpacks it at every cold start. */
    static final long MAX_JAR_BYTES = 10L * 1024 * 1024;

    /**
     * The jars not yet within {@link #MAX_JAR_BYTES}, each held to what it weighs today (MB) so it cannot grow
     * unnoticed; none today. Every jar is trimmed of the SDK operations its function never calls and of the
     * region metadata of services it has no client for (tools/JarTrim.java, run by its build after the shade
     * plugin); the report's admin routes read their body with Jackson's streaming parser, without data binding.
     */
    static final Map<String, Double> NOT_YET_WITHIN_BUDGET = Map.of();

    /**
     * Every jar the template deploys, each on its own budget: a jar over it names itself and its size, and
     * a page jar or the scheduled report carrying Jackson, or a report jar carrying the SNS SDK, fails too.
     */
    @Test
    void eachFunctionJarIsWithinItsSizeBudgetAndCarriesOnlyWhatItsFunctionUses() throws Exception {
        SamTemplate template = SamTemplate.read(Events.projectRoot().resolve("infra/sam-template.yaml"));
        java.util.List<String> over = new java.util.ArrayList<>();
        for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Map<String, Object> p = SamTemplate.properties(e.getValue());
            Path jar = Events.projectRoot().resolve("infra").resolve((String) p.get("CodeUri")).normalize();
            long size = Files.size(jar);
            Double heavier = NOT_YET_WITHIN_BUDGET.get(e.getKey());
            long budget = heavier == null ? MAX_JAR_BYTES : (long) (heavier * 1024 * 1024);
            if (size > budget) {
                over.add(e.getKey() + " " + jar.getFileName() + " " + String.format(java.util.Locale.ROOT, "%.1f MB",
                        size / 1024.0 / 1024.0));
            }
        }
        assertEquals(java.util.List.of(), over, "jars over their budget (" + MAX_JAR_BYTES / 1024 / 1024
                + " MB, or " + NOT_YET_WITHIN_BUDGET + ")");
        for (var known : NOT_YET_WITHIN_BUDGET.entrySet()) {
            assertTrue(template.resourcesOfType("AWS::Serverless::Function").containsKey(known.getKey()), known.getKey());
        }

        Path functions = Events.projectRoot().resolve("functions");
        for (String jsonFree : new String[] {"follow-up-page/target/follow-up-page.jar",
                "monthly-report/target/monthly-report.jar"}) {
            assertFalse(holds(functions.resolve(jsonFree), "com/fasterxml/jackson/databind/ObjectMapper.class"),
                    jsonFree + " writes no JSON, so it carries no Jackson");
        }
        assertFalse(holds(functions.resolve("monthly-report/target/report-admin.jar"),
                "com/fasterxml/jackson/databind/ObjectMapper.class"),
                "the report's admin routes write their answers themselves and stream their body: no data binding");
        for (String emailOnly : new String[] {"monthly-report/target/monthly-report.jar",
                "monthly-report/target/report-admin.jar"}) {
            assertFalse(holds(functions.resolve(emailOnly), "software/amazon/awssdk/services/sns/SnsClient.class"),
                    emailOnly + " sends email only, so it carries no SNS SDK");
        }
        for (String jar : new String[] {"monthly-report/target/monthly-report.jar", "web-app/target/web-app.jar",
                "referral-intake/target/referral-intake.jar", "nudge-dispatcher/target/nudge-dispatcher.jar"}) {
            assertFalse(holds(functions.resolve(jar), "dk/rampe/attendance/InMemoryAttendanceStore.class"),
                    jar + ": the in-memory fakes are test code");
            assertFalse(holds(functions.resolve(jar), "com/fasterxml/jackson/datatype/jsr310/JavaTimeModule.class"),
                    jar + ": no date module (all JSON goes through the tree model)");
        }
    }

    /**
     * The scheduled report's jar alone (no Jackson, no HTTP event types) links its handler and its run:
     * initialising a class verifies its code, which fails on a missing class its methods name.
     */
    @Test
    void theScheduledReportJarLinksItsHandlerWithoutTheAdminRoutesDependencies() throws Exception {
        Path jar = Events.projectRoot().resolve("functions/monthly-report/target/monthly-report.jar");
        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : new String[] {"dk.rampe.monthlyreport.MonthlyReportHandler",
                    "dk.rampe.monthlyreport.ReportRun", "dk.rampe.monthlyreport.ReportHtml"}) {
                assertEquals(alone, Class.forName(name, true, alone).getClassLoader(), name);
            }
            org.junit.jupiter.api.Assertions.assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("dk.rampe.monthlyreport.ReportAdminHandler", false, alone),
                    "the admin routes are the other jar's");
        }
    }

    /** The admin routes' jar alone (Jackson's streaming parser, no data binding) links its handler and body reader. */
    @Test
    void theReportAdminJarLinksItsHandlerWithoutJacksonDataBinding() throws Exception {
        Path jar = Events.projectRoot().resolve("functions/monthly-report/target/report-admin.jar");
        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : new String[] {"dk.rampe.monthlyreport.ReportAdminHandler",
                    "dk.rampe.monthlyreport.AdminRequestBody", "dk.rampe.api.Problems", "dk.rampe.api.Callers"}) {
                assertEquals(alone, Class.forName(name, true, alone).getClassLoader(), name);
            }
        }
    }

    /**
     * The report's two functions are stream handlers (the runtime hands them the event's bytes and uses no event
     * serializer): each jar alone reads its input and writes the answer Lambda reads, the schedule's with no
     * Jackson and no HTTP event types in its jar.
     */
    @Test
    void theReportJarsAloneReadTheirInputAndWriteTheirAnswer() throws Exception {
        Path functions = Events.projectRoot().resolve("functions/monthly-report/target");
        try (URLClassLoader alone = new URLClassLoader(new URL[] {functions.resolve("monthly-report.jar").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> handler = Class.forName("dk.rampe.monthlyreport.MonthlyReportHandler", true, alone);
            assertTrue(Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, alone)
                    .isAssignableFrom(handler), "a stream handler");
            java.lang.reflect.Method input = handler.getDeclaredMethod("input", byte[].class);
            java.lang.reflect.Method answer = handler.getDeclaredMethod("answer", Map.class);
            input.setAccessible(true);
            answer.setAccessible(true);
            assertEquals(Map.of("scheduledTime", "2026-11-01T06:00:00Z"),
                    input.invoke(null, (Object) "{\"scheduledTime\":\"2026-11-01T06:00:00Z\"}".getBytes(StandardCharsets.UTF_8)));
            assertEquals("{\"reports\":[]}", answer.invoke(null, Map.of("reports", java.util.List.of())));
            org.junit.jupiter.api.Assertions.assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("dk.rampe.monthlyreport.HttpEvent", false, alone), "the admin routes' jar's");
        }
        try (URLClassLoader alone = new URLClassLoader(new URL[] {functions.resolve("report-admin.jar").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> handler = Class.forName("dk.rampe.monthlyreport.ReportAdminHandler", true, alone);
            assertTrue(Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, alone)
                    .isAssignableFrom(handler), "a stream handler");
            Class<?> events = Class.forName("dk.rampe.monthlyreport.HttpEvent", true, alone);
            java.lang.reflect.Method read = events.getDeclaredMethod("read", byte[].class);
            read.setAccessible(true);
            Object event = read.invoke(null, (Object) Events.text("web-app-get.json").getBytes(StandardCharsets.UTF_8));
            assertEquals("GET /app/{proxy+}", event.getClass().getMethod("getRouteKey").invoke(event));
            Class<?> response = Class.forName("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse",
                    true, alone);
            Object r = response.getConstructor().newInstance();
            response.getMethod("setStatusCode", int.class).invoke(r, 200);
            response.getMethod("setBody", String.class).invoke(r, "{}");
            java.lang.reflect.Method write = events.getDeclaredMethod("write", response);
            write.setAccessible(true);
            assertEquals("{\"statusCode\":200,\"body\":\"{}\",\"isBase64Encoded\":false}", write.invoke(null, r));
        }
    }

    /**
     * Each jar's region metadata is rampe-platform's provider (the SDK's, which builds the metadata of its 314
     * services, is left out), and for each service Rampe has a client for it answers with the metadata class
     * the SDK's own provider gives; for any other service, with the SDK's default.
     */
    @Test
    void eachJarsRegionMetadataIsTheSdksForRampesServices() throws Exception {
        String provider = "software.amazon.awssdk.regions.GeneratedServiceMetadataProvider";
        SamTemplate template = SamTemplate.read(Events.projectRoot().resolve("infra/sam-template.yaml"));
        // the SDK's own provider from the SDK's jar (the tests' class path has rampe-platform's first), the
        // rest of the SDK from the tests' class path
        try (URLClassLoader original = new URLClassLoader(new URL[] {codeSource("software.amazon.awssdk.regions.Region")},
                ShadedJarTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(provider)) return super.loadClass(name, resolve);
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
            }
        }) {
            Class<?> theirs = Class.forName(provider, true, original);
            assertEquals(original, theirs.getClassLoader(), "the SDK's provider");
            org.junit.jupiter.api.Assertions.assertNotNull(theirs.getMethod("serviceMetadata", String.class)
                    .invoke(theirs.getConstructor().newInstance(), "sts"), "the SDK's provider knows every service");
            Object sdkProvider = theirs.getConstructor().newInstance();
            java.lang.reflect.Method sdkLookup = theirs.getMethod("serviceMetadata", String.class);
            for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
                Path jar = Events.projectRoot().resolve("infra")
                        .resolve((String) SamTemplate.properties(e.getValue()).get("CodeUri")).normalize();
                assertFalse(holds(jar, "software/amazon/awssdk/regions/servicemetadata/StsServiceMetadata.class"),
                        e.getKey() + ": only the metadata of Rampe's services");
                try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
                    Class<?> of = Class.forName("software.amazon.awssdk.regions.ServiceMetadata", true, alone);
                    java.lang.reflect.Method lookup = of.getMethod("of", String.class);
                    for (String service : new String[] {"dynamodb", "s3", "email", "sns"}) {
                        Object mine = lookup.invoke(null, service);
                        assertEquals(alone, mine.getClass().getClassLoader(), e.getKey() + " " + service);
                        assertEquals(sdkLookup.invoke(sdkProvider, service).getClass().getName(), mine.getClass().getName(),
                                e.getKey() + " " + service);
                    }
                    assertEquals("software.amazon.awssdk.regions.DefaultServiceMetadata",
                            lookup.invoke(null, "sts").getClass().getName(), e.getKey());
                }
            }
        }
    }

    private static URL codeSource(String className) throws ClassNotFoundException {
        return Class.forName(className, false, ShadedJarTest.class.getClassLoader())
                .getProtectionDomain().getCodeSource().getLocation();
    }

    private static boolean holds(Path jar, String entry) throws java.io.IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        }
    }

    @Test
    void eachJarLoadsItsHandlerAndReadsItsSampleEventAlone() throws Exception {
        SamTemplate template = SamTemplate.read(Events.projectRoot().resolve("infra/sam-template.yaml"));
        int checked = 0;
        for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Map<String, Object> p = SamTemplate.properties(e.getValue());
            Path jar = Events.projectRoot().resolve("infra").resolve((String) p.get("CodeUri")).normalize();
            assertTrue(Files.isRegularFile(jar), e.getKey() + ": " + jar + " is built by mvn package");
            try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> handler = Class.forName(((String) p.get("Handler")).split("::")[0], false, alone);
                assertEquals(alone, handler.getClassLoader(), "the handler comes from the jar itself");
                String sample = SAMPLES.get(e.getKey());
                if (sample == null) continue;
                Class<?> input = inputType(handler);
                PojoSerializer<?> serializer;
                try {
                    serializer = runtimeSerializer(input, alone);
                } catch (RuntimeException failure) {
                    throw new AssertionError(e.getKey() + ": the runtime cannot read " + input.getSimpleName()
                            + " with this jar alone", failure);
                }
                Object event = serializer.fromJson(new ByteArrayInputStream(
                        Events.text(sample).getBytes(StandardCharsets.UTF_8)));
                assertNotNull(event, e.getKey());
                assertEquals(input, event.getClass(), e.getKey());
                checked++;
            }
        }
        assertEquals(SAMPLES.size(), checked, "every sample was read");
    }

    /**
     * The dispatcher is a stream handler (the runtime hands it the batch's bytes and uses no event serializer):
     * its jar alone reads the sample batch's records and writes the answer Lambda reads, without the Lambda
     * event types or joda-time, which the jar no longer carries.
     */
    @Test
    void theDispatcherJarAloneReadsItsStreamBatchAndAnswers() throws Exception {
        Path jar = Events.projectRoot().resolve("functions/nudge-dispatcher/target/nudge-dispatcher.jar");
        assertFalse(holds(jar, "org/joda/time/DateTime.class"), "no joda-time");
        assertFalse(holds(jar, "com/amazonaws/services/lambda/runtime/events/DynamodbEvent.class"), "no event types");
        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> handler = Class.forName("dk.rampe.dispatch.NudgeDispatcherHandler", true, alone);
            assertTrue(Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, alone)
                    .isAssignableFrom(handler), "a stream handler");
            Class<?> batch = Class.forName("dk.rampe.dispatch.StreamBatch", true, alone);
            java.lang.reflect.Method read = batch.getDeclaredMethod("read", java.io.InputStream.class);
            java.lang.reflect.Method answer = batch.getDeclaredMethod("writeAnswer", java.util.List.class,
                    java.io.OutputStream.class);
            read.setAccessible(true);
            answer.setAccessible(true);
            java.util.List<?> records = (java.util.List<?>) read.invoke(null, new ByteArrayInputStream(
                    Events.text("nudge-dispatcher-stream.json").getBytes(StandardCharsets.UTF_8)));
            assertEquals(2, records.size());
            assertTrue(records.get(0).toString().contains("pk=OUTBOX#MN5ZS9MH3BCPP1PNSREE6"), records.get(0).toString());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            answer.invoke(null, java.util.List.of("111000000000000000000002"), out);
            assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"111000000000000000000002\"}]}",
                    out.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * The function jars leave out what Rampe never calls (async clients, DynamoDB Streams, event
     * types of other functions). This proves, with the dispatcher's jar alone, that the clients it
     * does use are complete: building them and calling a dead endpoint fails as a network failure
     * (a send failure the dispatcher retries), never as a missing class.
     */
    @Test
    void theDispatcherJarAloneBuildsAndCallsItsDynamoDbSesAndSnsClients() throws Exception {
        Path jar = Events.projectRoot().resolve("functions/nudge-dispatcher/target/nudge-dispatcher.jar");
        String dead = deadEndpoint();
        try (URLClassLoader alone = alone(jar)) {
            Class<?> credentialsType = Class.forName(CREDENTIALS_TYPE, false, alone);
            Object credentials = credentials(alone);
            Object dynamo = Class.forName("dk.rampe.dynamodb.DynamoClients", true, alone)
                    .getMethod("create", String.class, String.class, credentialsType)
                    .invoke(null, "eu-north-1", dead, credentials);
            // an operation the dispatcher calls (its jar holds only those: tools/JarTrim.java)
            Class<?> getItem = Class.forName("software.amazon.awssdk.services.dynamodb.model.GetItemRequest", true, alone);
            Object builder = getItem.getMethod("builder").invoke(null);
            Class.forName("software.amazon.awssdk.services.dynamodb.model.GetItemRequest$Builder", true, alone)
                    .getMethod("tableName", String.class).invoke(builder, "rampe");
            Object request = Class.forName("software.amazon.awssdk.utils.builder.SdkBuilder", true, alone)
                    .getMethod("build").invoke(builder);
            Throwable dynamoFailure = org.junit.jupiter.api.Assertions.assertThrows(
                    java.lang.reflect.InvocationTargetException.class,
                    () -> Class.forName("software.amazon.awssdk.services.dynamodb.DynamoDbClient", true, alone)
                            .getMethod("getItem", getItem).invoke(dynamo, request)).getCause();
            assertTrue(Class.forName("software.amazon.awssdk.core.exception.SdkClientException", false, alone)
                    .isInstance(dynamoFailure), "a network failure, not " + dynamoFailure);

            Object nudges = Class.forName("dk.rampe.platform.NudgeConfig", true, alone).getMethod("from", Map.class)
                    .invoke(null, Map.of("AWS_ENDPOINT_URL_SES", dead, "AWS_ENDPOINT_URL_SNS", dead,
                            "RAMPE_NUDGE_MAX_ATTEMPTS", "1"));
            Class<?> notifierType = Class.forName("dk.rampe.followup.Notifier", false, alone);
            Object notifier = Class.forName("dk.rampe.messaging.Notifiers", true, alone)
                    .getMethod("create", nudges.getClass(), String.class).invoke(null, nudges, "eu-north-1");
            Class<?> channelType = Class.forName("dk.rampe.followup.MessageChannel", true, alone);
            Class<?> messageType = Class.forName("dk.rampe.followup.OutboxMessage", true, alone);
            java.lang.reflect.Method pending = java.util.Arrays.stream(messageType.getMethods())
                    .filter(m -> m.getName().equals("pending")).findFirst().orElseThrow();
            for (String channel : new String[] {"EMAIL", "SMS"}) {
                Object message = pending.invoke(null, "shaded-jar-" + channel, "T1", "p1",
                        enumValue(channelType, channel), channel.equals("SMS") ? "+4520123456" : "anna@example.dk",
                        "Emne", "Tekst", channel.equals("SMS") ? null : "<p>Tekst</p>", false,
                        java.time.Instant.EPOCH, java.time.Instant.EPOCH);
                Throwable sendFailure = org.junit.jupiter.api.Assertions.assertThrows(
                        java.lang.reflect.InvocationTargetException.class,
                        () -> notifierType.getMethod("send", messageType).invoke(notifier, message)).getCause();
                assertEquals("dk.rampe.followup.Notifier$SendFailure", sendFailure.getClass().getName(),
                        channel + ": " + sendFailure);
            }
        }
    }

    /**
     * The report's jar alone builds its S3 client (the default client and the cross-region wrapper keep only the
     * methods of the operations Rampe calls: tools/JarTrim.java) and puts a report file to a dead endpoint: a network
     * failure, never a missing class or a verify error; an operation Rampe never calls is not there to run.
     */
    @Test
    void theReportJarAloneBuildsItsS3ClientAndPutsWhileOperationsNeverCalledAreLeftOut() throws Exception {
        Path jar = Events.projectRoot().resolve("functions/monthly-report/target/monthly-report.jar");
        String dead = deadEndpoint();
        try (URLClassLoader alone = alone(jar)) {
            Class<?> credentialsType = Class.forName(CREDENTIALS_TYPE, false, alone);
            Object credentials = credentials(alone);
            Class<?> archiveType = Class.forName("dk.rampe.archive.S3ReportArchive", true, alone);
            Object s3 = archiveType.getMethod("client", String.class, String.class, credentialsType)
                    .invoke(null, "eu-north-1", dead, credentials);
            Class<?> clientType = Class.forName("software.amazon.awssdk.services.s3.S3Client", true, alone);
            Object archive = archiveType.getConstructor(clientType, String.class).newInstance(s3, "rampe-reports");
            Throwable putFailure = org.junit.jupiter.api.Assertions.assertThrows(
                    java.lang.reflect.InvocationTargetException.class,
                    () -> archiveType.getMethod("put", String.class, String.class, String.class, Map.class)
                            .invoke(archive, "p1", "2026-10", "2026-11-01T06:00:00Z",
                                    Map.of("report.html", "<p>x</p>".getBytes(StandardCharsets.UTF_8)))).getCause();
            assertTrue(Class.forName("software.amazon.awssdk.core.exception.SdkClientException", false, alone)
                    .isInstance(putFailure), "a network failure, not " + putFailure);

            // the interface still declares it (its request type stays in the jar, without its builder)
            Class<?> delete = Class.forName("software.amazon.awssdk.services.s3.model.DeleteObjectRequest", false, alone);
            Throwable neverCalled = org.junit.jupiter.api.Assertions.assertThrows(
                    java.lang.reflect.InvocationTargetException.class,
                    () -> clientType.getMethod("deleteObject", delete).invoke(s3, (Object) null)).getCause();
            assertEquals(UnsupportedOperationException.class, neverCalled.getClass(), "left out, not " + neverCalled);
        }
    }

    private static final String CREDENTIALS_TYPE = "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider";

    /** The jar on its own, over the platform's classes only (as Lambda loads it). */
    private static URLClassLoader alone(Path jar) throws java.io.IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** The functions' credentials, from the jar's own classes. */
    private static Object credentials(ClassLoader alone) throws ReflectiveOperationException {
        return Class.forName("dk.rampe.platform.AwsClients", true, alone).getMethod("credentials").invoke(null);
    }

    /** An address nothing listens on (a port taken and given back). */
    private static String deadEndpoint() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    /**
     * As the Lambda runtime chooses (EventHandlerLoader in aws-lambda-java-runtime-interface-client):
     * the event serializers, with their modules loaded from the function's class loader, for the
     * events they list (DynamodbEvent among them); plain Jackson for others (APIGatewayV2HTTPEvent).
     */
    private static PojoSerializer<?> runtimeSerializer(Class<?> type, ClassLoader functionLoader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, functionLoader);
        }
        return JacksonFactory.getInstance().getSerializer((Type) type);
    }

    private static Class<?> inputType(Class<?> handler) {
        for (Type t : handler.getGenericInterfaces()) {
            if (t instanceof ParameterizedType pt && pt.getRawType().getTypeName().endsWith(".RequestHandler")) {
                return (Class<?>) pt.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(handler + " is not a RequestHandler<I, O>");
    }
}
