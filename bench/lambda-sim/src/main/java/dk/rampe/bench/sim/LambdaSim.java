package dk.rampe.bench.sim;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of a child JVM: a stand-in for the Lambda Java runtime on one execution
 * environment. It loads the handler class, calls its no-arg constructor (Lambda's init phase),
 * then runs a script of invocations; each reads its event with the runtime's own serializer,
 * calls handleRequest and writes the answer back to JSON, as the runtime does. A RequestStreamHandler
 * gets the event's bytes instead. An answer without a statusCode (a sweep's summary) counts as 200.
 *
 * <p>Arguments: handler class, script file, results file, first sequence number. A script line is
 * {@code label TAB event-template TAB count TAB new|same}. Templates may hold {@code {{SEQ}}} (a
 * number unique to the invocation, or the previous one's with {@code same}; {@code {{SEQ19}}}: the
 * same, zero-padded to 19 digits, for ids of a fixed length), {@code {{CPR}}} (a
 * valid CPR number made from it) and {@code {{PREV:field}}} (a string field of the previous answer's
 * body). Each invocation writes {@code label TAB index TAB nanos TAB status TAB nanos-in-DynamoDB}
 * (-1 without the meter) to the results file.
 *
 * <p>Deliberately plain (no lambdas, no regex, no java.time) so that it adds as few classes as it can,
 * and the same ones to every function and to the baseline.
 */
public final class LambdaSim {
    private LambdaSim() {
    }

    public static void main(String[] args) throws Exception {
        String handlerName = args[0];
        List<String> script = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        Path resultsFile = Path.of(args[2]);
        long seq = Long.parseLong(args[3]);
        boolean trace = Boolean.getBoolean("bench.trace");
        PrintStream out = System.out;
        // with the meter on the classpath (-Dbench.meter): the time each invocation spent in DynamoDB calls
        java.lang.reflect.Method dynamoNanos = System.getProperty("bench.meter") == null ? null
                : Class.forName("dk.rampe.bench.meter.CapacityMeter").getMethod("drainNanos");

        // init phase: load the handler class and build it, as Lambda does
        long t0 = System.nanoTime();
        Class<?> handlerClass = Class.forName(handlerName);
        Object handler = handlerClass.getConstructor().newInstance();
        long t1 = System.nanoTime();
        out.println("SIM-INIT " + (t1 - t0));
        out.flush();

        // a RequestStreamHandler gets the event's bytes and writes its answer's; a RequestHandler<I, O> typed objects
        RequestStreamHandler streamHandler = handler instanceof RequestStreamHandler sh ? sh : null;
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> h = streamHandler == null ? (RequestHandler<Object, Object>) handler : null;
        Type[] io = streamHandler == null ? ioTypes(handlerClass) : null;
        ClassLoader loader = handlerClass.getClassLoader();
        PojoSerializer<Object> in = null;
        PojoSerializer<Object> outSer = null;

        StringBuilder results = new StringBuilder(1 << 16);
        String previousAnswer = "";
        long currentSeq = seq - 1;
        boolean first = true;
        for (String line : script) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            String label = f[0];
            String template = Files.readString(Path.of(f[1]), StandardCharsets.UTF_8);
            int count = Integer.parseInt(f[2]);
            boolean same = f.length > 3 && f[3].equals("same");
            for (int i = 0; i < count; i++) {
                if (!same || currentSeq < seq) currentSeq++;
                String eventJson = fill(template, currentSeq, previousAnswer);
                if (trace) {
                    System.err.println("SIM-INVOKE " + label + " " + i);
                }
                if (dynamoNanos != null) dynamoNanos.invoke(null);
                long s = System.nanoTime();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
                if (streamHandler != null) {
                    streamHandler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), bytes,
                            new SimContext("bench-" + currentSeq));
                } else {
                    if (in == null) {
                        in = serializer(io[0], loader);
                        outSer = serializer(io[1], loader);
                    }
                    Object event = in.fromJson(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
                    Object answer = h.handleRequest(event, new SimContext("bench-" + currentSeq));
                    outSer.toJson(answer, bytes);
                }
                long e = System.nanoTime();
                long inDynamo = dynamoNanos == null ? -1 : (Long) dynamoNanos.invoke(null);
                previousAnswer = bytes.toString(StandardCharsets.UTF_8);
                String status = field(previousAnswer, "statusCode");
                if (status == null) {
                    // an answer without a status code (a stream batch's or a sweep's summary) counts as success,
                    // unless it reports failed records or errors
                    String errors = field(previousAnswer, "errors");
                    boolean failed = previousAnswer.contains("\"batchItemFailures\":[{")
                            || (errors != null && !errors.equals("0"));
                    status = failed ? "500" : "200";
                }
                if (first) {
                    out.println("SIM-FIRST " + (e - s) + " " + status);
                    out.flush();
                    // its loading marks the end of the first invocation in the class-load log
                    Class.forName("dk.rampe.bench.sim.FirstResponse");
                    first = false;
                }
                results.append(label).append('\t').append(i).append('\t').append(e - s).append('\t')
                        .append(status).append('\t').append(inDynamo).append('\n');
            }
        }
        Files.writeString(resultsFile, results, StandardCharsets.UTF_8);
        if (trace) System.err.println("SIM-END");
        out.println("SIM-DONE");
        out.flush();
    }

    /**
     * As the runtime chooses (EventHandlerLoader.getSerializer in aws-lambda-java-runtime-interface-client):
     * the event serializers with their customisations for the events they list, plain Jackson otherwise
     * (APIGatewayV2HTTPEvent is not on their list).
     */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The RequestHandler's input and output types (classes, or e.g. Map<String, Object>), read from the generic interface as the runtime does. */
    private static Type[] ioTypes(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Type t : k.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type[] a = p.getActualTypeArguments();
                    return new Type[] {a[0], a[1]};
                }
            }
        }
        throw new IllegalArgumentException(c + " does not implement RequestHandler<I, O> directly");
    }

    static String fill(String template, long seq, String previousAnswer) {
        String padded = Long.toString(seq);
        padded = "0000000000000000000".substring(Math.min(19, padded.length())) + padded; // 19 digits
        String s = template.replace("{{SEQ}}", Long.toString(seq)).replace("{{SEQ19}}", padded).replace("{{CPR}}", cpr(seq));
        int at;
        while ((at = s.indexOf("{{PREV:")) >= 0) {
            int end = s.indexOf("}}", at);
            String name = s.substring(at + 7, end);
            String v = field(previousAnswer, name);
            s = s.substring(0, at) + (v == null ? "" : v) + s.substring(end + 2);
        }
        return s;
    }

    /** Ten digits DDMMYY-SSSS with a real birth date, distinct for every seq below 100 million. */
    static String cpr(long seq) {
        long s = seq;
        int serial = (int) (s % 10000);
        s /= 10000;
        int day = 1 + (int) (s % 28);
        s /= 28;
        int month = 1 + (int) (s % 12);
        s /= 12;
        int yy = 60 + (int) (s % 30);
        return two(day) + two(month) + two(yy) + Integer.toString(10000 + serial).substring(1);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /**
     * The first value of {@code "name": value} in a JSON text, also when the JSON sits escaped inside
     * a string (the HTTP body in an API Gateway answer). Enough for status codes and ids.
     */
    static String field(String json, String name) {
        int at = json.indexOf(name + "\\\"");
        int skip = name.length() + 2;
        if (at < 0) {
            at = json.indexOf(name + "\"");
            skip = name.length() + 1;
        }
        if (at < 0) return null;
        int i = at + skip;
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == ':')) i++;
        while (i < json.length() && (json.charAt(i) == '\\' || json.charAt(i) == '"')) i++;
        int start = i;
        while (i < json.length() && json.charAt(i) != '"' && json.charAt(i) != '\\' && json.charAt(i) != ','
                && json.charAt(i) != '}') i++;
        return json.substring(start, i);
    }

    /** The parts of the Lambda context a Rampe handler reads. */
    static final class SimContext implements Context {
        private final String requestId;

        SimContext(String requestId) {
            this.requestId = requestId;
        }

        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-north-1:000000000000:function:bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 15_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return SimLogger.INSTANCE; }
    }

    static final class SimLogger implements LambdaLogger {
        static final SimLogger INSTANCE = new SimLogger();

        @Override public void log(String message) { System.out.println(message); }
        @Override public void log(byte[] message) {
            try {
                System.out.write(message);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
