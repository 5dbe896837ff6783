import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Leaves out of a function's shaded jar the AWS SDK operations it never calls: the request and response
 * types, marshallers, paginators and waiters of a service's other operations (most of what an SDK service
 * module weighs). Run by each function's build after the shade plugin ({@code java tools/JarTrim.java
 * target}), on every shaded jar in the folder; {@code --check JAR} only reports what such a jar lacks.
 *
 * <p>What stays is what the JVM can load: every class outside the services' {@code model}, {@code transform},
 * {@code paginators} and {@code waiters} packages (so nothing loaded by name or by ServiceLoader is touched),
 * and every class those reach through their constant pools (class references, descriptors, signatures),
 * followed to the end. The one cut: a service's clients ({@code *Client}) and its endpoint interceptor
 * ({@code *ResolveEndpointInterceptor}) name every operation's types, each in a method or a branch of its
 * own that runs only when that operation is called. Of those, the JVM loads (never initialises) only the
 * types in the clients' method signatures (requests, responses, paginators, waiters): the verifier checks a
 * request against {@code SdkRequest}, the interceptor asks {@code instanceof} of each, and reflection on a
 * client resolves its signatures. So from there such a type is kept with its superclass and interfaces, and
 * what it names is followed only when something else (Rampe's code, an interceptor, a paginator Rampe uses)
 * names it too (and then with its marshaller, which only the client names); marshallers of other operations
 * and nested builders named only there are left out. A client's
 * modelled exceptions are followed in full: the client registers them when it is built.
 *
 * <p>A service's default sync client ({@code Default*Client}, and {@code Delegating*Client}) then loses the methods of the operations whose request
 * nothing but a client names (and their lambdas' bodies): verifying such a method loads its request type, which
 * cost a function about a hundred classes per service at its first answer (S3, SES v2, DynamoDB), and nothing
 * calls it; the client's interface still declares the operation, whose default method throws
 * {@code UnsupportedOperationException}. The request types stay in the jar (the interface names them).
 *
 * <p>If that reasoning were wrong for a client, building that client would fail at once (a verify or
 * class-not-found error), whatever operation is called: ShadedJarTest builds and calls the clients from the
 * jars alone, and the bench starts every function from its jar.
 */
public final class JarTrim {
    private static final Pattern PRUNABLE = Pattern.compile(
            "software/amazon/awssdk/services/[^/]+/(model|transform|paginators|waiters)/.*"
                    // the metadata of services no client of Rampe's is for (only the SDK's own provider named them)
                    + "|software/amazon/awssdk/regions/servicemetadata/.*");
    /** The classes that name every operation of a service: its clients, and the interceptor that sets each request's endpoint parameters. */
    private static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/.*(Client|ResolveEndpointInterceptor)");
    private static final Pattern REQUEST = Pattern.compile("(software/amazon/awssdk/services/[^/]+)/model/(\\w+Request)");
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");
    /**
     * A service's default sync client and its delegating client (S3's cross-region client extends it): each
     * implements every operation, in a method of its own.
     */
    private static final Pattern DEFAULT_CLIENT = Pattern.compile("software/amazon/awssdk/services/([^/]+)/(Default|Delegating)\\w+Client");
    /** The body of a lambda in a client method: {@code lambda$putObject$3}. */
    private static final Pattern LAMBDA_OF = Pattern.compile("lambda\\$(\\w+)\\$\\d+");

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--check")) {
            Path jar = Path.of(args[1]);
            Set<String> missing = missing(jar);
            missing.forEach(m -> System.out.println("missing: " + m));
            System.out.println(jar.getFileName() + ": " + missing.size() + " classes reached but missing");
            System.exit(missing.isEmpty() ? 0 : 1);
        }
        if (args.length == 3 && args[0].equals("--why")) {
            for (var e : reached(classes(Path.of(args[1]))).entrySet()) {
                if (e.getKey().startsWith(args[2])) {
                    System.out.println(e.getKey() + " <- " + FOLLOWED_FROM.getOrDefault(e.getKey(), e.getValue()));
                }
            }
            return;
        }
        if (args.length != 1) throw new IllegalArgumentException("usage: JarTrim TARGET_DIR | --check JAR");
        try (var jars = Files.list(Path.of(args[0]))) {
            for (Path jar : jars.filter(JarTrim::isShadedJar).sorted().toList()) trim(jar);
        }
    }

    /** The shade plugin's output: not the module's own thin jar, not the copy it keeps of it. */
    private static boolean isShadedJar(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".jar") && !n.startsWith("original-") && !n.contains("-SNAPSHOT") && !n.endsWith("-tests.jar");
    }

    static void trim(Path jar) throws IOException {
        Map<String, byte[]> classes = classes(jar);
        Set<String> kept = reached(classes).keySet();
        Set<String> called = Set.copyOf(FOLLOWED);
        Set<String> missingBefore = missing(jar);
        Path out = jar.resolveSibling(jar.getFileName() + ".trimmed");
        int dropped = 0;
        int methods = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                String name = e.getName();
                if (name.endsWith(".class") && PRUNABLE.matcher(name).matches()
                        && !kept.contains(name.substring(0, name.length() - ".class".length()))) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                zip.putNextEntry(copy);
                Matcher client = DEFAULT_CLIENT.matcher(name.replaceFirst("\\.class$", ""));
                if (name.endsWith(".class") && client.matches()) {
                    byte[] bytes;
                    try (InputStream is = in.getInputStream(e)) {
                        bytes = is.readAllBytes();
                    }
                    String model = "software/amazon/awssdk/services/" + client.group(1) + "/model/";
                    Stripped s = withoutUncalledOperations(bytes, model, called);
                    methods += s.methods();
                    zip.write(s.bytes());
                } else {
                    try (InputStream is = in.getInputStream(e)) {
                        is.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        long before = Files.size(jar);
        Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(java.util.Locale.ROOT, "[JarTrim] %s: %d SDK classes nothing reaches left out (operations never called, metadata of other services), %d client methods of operations never called, %.2f -> %.2f MB%n",
                jar.getFileName(), dropped, methods, before / 1048576.0, Files.size(jar) / 1048576.0);
        Set<String> missing = missing(jar);
        missing.removeAll(missingBefore);
        if (!missing.isEmpty()) throw new IllegalStateException(jar + " lacks classes it reaches: " + missing);
    }

    /**
     * The SDK classes reached from the jar's roots that the jar does not hold. Some are left out by the shade
     * filters on purpose (async paginators, SNS in the email-only report) and named only by code that never
     * runs; trimming must add none.
     */
    static Set<String> missing(Path jar) throws IOException {
        Map<String, byte[]> classes = classes(jar);
        Set<String> missing = new TreeSet<>();
        for (var e : reached(classes).entrySet()) {
            if (!classes.containsKey(e.getKey()) && isPrunable(e.getKey())) missing.add(e.getKey());
        }
        return missing;
    }

    private static boolean isPrunable(String className) {
        return PRUNABLE.matcher(className + ".class").matches();
    }

    /** For {@code --why}: the class each class was first followed from. */
    private static final Map<String, String> FOLLOWED_FROM = new HashMap<>();
    /** The classes the last {@link #reached} followed in full (named by more than a client). */
    private static final Set<String> FOLLOWED = new HashSet<>();

    /** Each class reached, with the class it was reached from. */
    static Map<String, String> reached(Map<String, byte[]> classes) {
        Map<String, String> reached = new LinkedHashMap<>();
        Set<String> followed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String c : classes.keySet()) {
            if (!isPrunable(c)) {
                reached.put(c, "root");
                todo.add(c);
            }
        }
        Map<String, ClassRefs> refs = new HashMap<>();
        Deque<String> loadOnly = new ArrayDeque<>();
        while (!todo.isEmpty() || !loadOnly.isEmpty()) {
            boolean full = !todo.isEmpty();
            String c = full ? todo.poll() : loadOnly.poll();
            byte[] bytes = classes.get(c);
            if (bytes == null) continue;
            if (full && !followed.add(c)) continue;
            Matcher request = REQUEST.matcher(c);
            if (full && request.matches()) {
                // the client marshals an operation's request with a marshaller that only the client names
                String marshaller = request.group(1) + "/transform/" + request.group(2) + "Marshaller";
                if (classes.containsKey(marshaller)) {
                    reached.putIfAbsent(marshaller, c);
                    FOLLOWED_FROM.putIfAbsent(marshaller, c);
                    todo.add(marshaller);
                }
            }
            ClassRefs r = refs.computeIfAbsent(c, k -> ClassRefs.of(bytes));
            // loading a class loads its superclass and interfaces, whatever else it names
            List<String> mustLoad = new ArrayList<>(r.supertypes());
            for (String s : mustLoad) {
                reached.putIfAbsent(s, c);
                if (full) todo.add(s); else loadOnly.add(s);
            }
            if (!full) continue;
            boolean client = CLIENT.matcher(c).matches();
            for (String n : r.named()) {
                if (!classes.containsKey(n) && !isPrunable(n)) continue;
                reached.putIfAbsent(n, c);
                if (client && isPrunable(n) && !n.endsWith("Exception") && !followed.contains(n)) {
                    if (!n.contains("/transform/") && !n.contains("$")) loadOnly.add(n);
                    else if (reached.get(n) == c) reached.remove(n);
                } else {
                    if (!followed.contains(n)) FOLLOWED_FROM.putIfAbsent(n, c);
                    todo.add(n);
                }
            }
        }
        FOLLOWED.clear();
        FOLLOWED.addAll(followed);
        return reached;
    }

    record Stripped(byte[] bytes, int methods) {
    }

    /**
     * A default client's class file without the methods that take a request of {@code model} not in {@code called},
     * nor those methods' lambda bodies; the constant pool stays as it is (what it names is resolved only when run).
     */
    static Stripped withoutUncalledOperations(byte[] bytes, String model, Set<String> called) {
        ClassFile cf = ClassFile.of(bytes);
        Pattern request = Pattern.compile("L(" + Pattern.quote(model) + "\\w+Request);");
        Set<String> uncalled = new HashSet<>();
        for (ClassFile.Member m : cf.methods()) {
            Matcher r = request.matcher(cf.utf8(m.descriptor()));
            while (r.find()) {
                if (!called.contains(r.group(1))) uncalled.add(cf.utf8(m.name()));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, cf.methodsStart());
        List<ClassFile.Member> keep = new ArrayList<>();
        for (ClassFile.Member m : cf.methods()) {
            String name = cf.utf8(m.name());
            Matcher lambda = LAMBDA_OF.matcher(name);
            if (!uncalled.contains(name) && !(lambda.matches() && uncalled.contains(lambda.group(1)))) keep.add(m);
        }
        out.write(keep.size() >> 8);
        out.write(keep.size());
        for (ClassFile.Member m : keep) out.write(bytes, m.start(), m.end() - m.start());
        out.write(bytes, cf.methodsEnd(), bytes.length - cf.methodsEnd());
        return new Stripped(out.toByteArray(), cf.methods().size() - keep.size());
    }

    /** Where a class file's methods are, with their names and descriptors (constant pool indexes). */
    record ClassFile(String[] utf8, List<Member> methods, int methodsStart, int methodsEnd) {
        record Member(int name, int descriptor, int start, int end) {
        }

        String utf8(int index) {
            return utf8[index];
        }

        static ClassFile of(byte[] bytes) {
            try {
                java.io.ByteArrayInputStream at = new java.io.ByteArrayInputStream(bytes);
                DataInputStream in = new DataInputStream(at);
                in.readInt();
                in.readUnsignedShort();
                in.readUnsignedShort();
                String[] utf8 = ConstantPool.read(in).utf8();
                in.readUnsignedShort();
                in.readUnsignedShort();
                in.readUnsignedShort();
                in.skipBytes(2 * in.readUnsignedShort());
                members(in, bytes, at);
                int methodsStart = bytes.length - at.available();
                List<Member> methods = members(in, bytes, at);
                return new ClassFile(utf8, methods, methodsStart, bytes.length - at.available());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** A count and that many fields or methods; the stream is left after them. */
        private static List<Member> members(DataInputStream in, byte[] bytes, java.io.ByteArrayInputStream at)
                throws IOException {
            int count = in.readUnsignedShort();
            List<Member> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int start = bytes.length - at.available();
                in.readUnsignedShort();
                int name = in.readUnsignedShort();
                int descriptor = in.readUnsignedShort();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    in.readUnsignedShort();
                    in.skipBytes(in.readInt());
                }
                out.add(new Member(name, descriptor, start, bytes.length - at.available()));
            }
            return out;
        }
    }

    /** A class file's constant pool: its UTF-8 entries and, per class entry, the index of its name. */
    record ConstantPool(String[] utf8, int[] classIndex) {
        static ConstantPool read(DataInputStream in) throws IOException {
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IllegalStateException("constant pool tag " + tag);
                }
            }
            return new ConstantPool(utf8, classIndex);
        }
    }

    static Map<String, byte[]> classes(Path jar) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (!n.endsWith(".class") || n.startsWith("META-INF/")) continue;
                try (InputStream is = zip.getInputStream(e)) {
                    classes.put(n.substring(0, n.length() - ".class".length()), is.readAllBytes());
                }
            }
        }
        return classes;
    }

    /** What a class file names: its supertypes, and every class in its constant pool or its descriptors. */
    record ClassRefs(List<String> supertypes, Set<String> named) {
        static ClassRefs of(byte[] bytes) {
            try {
                DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
                in.readInt();
                in.readUnsignedShort();
                in.readUnsignedShort();
                ConstantPool pool = ConstantPool.read(in);
                String[] utf8 = pool.utf8();
                int[] classIndex = pool.classIndex();
                int count = utf8.length;
                in.readUnsignedShort();
                in.readUnsignedShort();
                int superIndex = in.readUnsignedShort();
                List<String> supertypes = new ArrayList<>();
                if (superIndex != 0) supertypes.add(utf8[classIndex[superIndex]]);
                int interfaces = in.readUnsignedShort();
                for (int i = 0; i < interfaces; i++) supertypes.add(utf8[classIndex[in.readUnsignedShort()]]);
                Set<String> named = new HashSet<>();
                for (int i = 1; i < count; i++) {
                    if (classIndex[i] != 0) {
                        String n = utf8[classIndex[i]];
                        named.add(n.startsWith("[") ? n.replaceAll("^\\[+L?|;$", "") : n);
                    }
                    if (utf8[i] != null) {
                        Matcher m = DESCRIPTOR_TYPE.matcher(utf8[i]);
                        while (m.find()) named.add(m.group(1));
                    }
                }
                return new ClassRefs(supertypes, named);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
