package dk.rampe.local.embedded;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample events in events/, read with the same serializer the Lambda Java runtime uses,
 * so a test gets exactly the object AWS would hand the handler.
 */
public final class Events {
    private Events() {
    }

    /** The repository's events/ folder, found from the working directory upwards. */
    /** The project's root folder (the one holding events/, infra/ and the parent pom). */
    public static Path projectRoot() {
        return folder().getParent();
    }

    public static Path folder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("events");
            if (Files.isDirectory(candidate) && Files.exists(dir.resolve("pom.xml"))) return candidate;
            dir = dir.getParent();
        }
        throw new IllegalStateException("events/ folder not found above " + Path.of("").toAbsolutePath());
    }

    public static String text(String name) {
        try {
            return Files.readString(folder().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String name, Class<T> type) {
        return fromJson(text(name), type);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader());
        return serializer.fromJson(json);
    }

    public static <T> String toJson(T value, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader());
        var out = new java.io.ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
