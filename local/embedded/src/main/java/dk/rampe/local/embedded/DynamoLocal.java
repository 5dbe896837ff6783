package dk.rampe.local.embedded;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import dk.rampe.platform.AwsClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local, in this JVM, on a free loopback port, spoken to over HTTP with the real SDK
 * client. In memory for tests; in a folder for the local runner, so a restart keeps state.
 */
public final class DynamoLocal implements AutoCloseable {
    public static final String REGION = "eu-north-1";
    private static final String[] NATIVE_LIBS = {
        "libsqlite4java-linux-amd64.so", "libsqlite4java-linux-i386.so", "libsqlite4java-osx.dylib",
        "sqlite4java-win32-x64.dll", "sqlite4java-win32-x86.dll"};

    private final DynamoDBProxyServer server;
    private final String endpoint;
    private final DynamoDbClient client;

    private DynamoLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = "http://127.0.0.1:" + port;
        this.client = AwsClients.configure(DynamoDbClient.builder(), REGION, endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    public static DynamoLocal inMemory() {
        return start(List.of("-inMemory"), freePort());
    }

    public static DynamoLocal inFolder(Path folder, int port) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(List.of("-dbPath", folder.toAbsolutePath().toString(), "-sharedDb"), port == 0 ? freePort() : port);
    }

    private static DynamoLocal start(List<String> storage, int port) {
        ensureNativeLibrary();
        List<String> args = new ArrayList<>(storage);
        args.addAll(List.of("-port", Integer.toString(port), "-disableTelemetry"));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new DynamoLocal(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts sqlite4java's native library (packed into this jar at build time) where sqlite4java looks. */
    static synchronized void ensureNativeLibrary() {
        if (System.getProperty("sqlite4java.library.path") != null) return;
        try {
            Path dir = Files.createTempDirectory("rampe-sqlite4java");
            dir.toFile().deleteOnExit();
            for (String name : NATIVE_LIBS) {
                try (InputStream in = DynamoLocal.class.getResourceAsStream("/sqlite4java/" + name)) {
                    if (in == null) continue;
                    Path target = dir.resolve(name);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                }
            }
            System.setProperty("sqlite4java.library.path", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
