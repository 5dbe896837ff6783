package dk.rampe.local.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * infra/sam-template.yaml as plain maps. CloudFormation's short forms (!Ref, !GetAtt, !Sub …)
 * become their long forms ({"Ref": …}, {"Fn::GetAtt": …}), so callers read one shape.
 */
public final class SamTemplate {
    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    /** The template packed into this jar at build time (the same file SAM deploys). */
    public static SamTemplate bundled() {
        try (InputStream in = SamTemplate.class.getResourceAsStream("/rampe/sam-template.yaml")) {
            if (in == null) throw new IllegalStateException("sam-template.yaml is not on the classpath");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SamTemplate read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static SamTemplate parse(InputStream in) {
        Yaml yaml = new Yaml(new CloudFormationConstructor());
        return new SamTemplate((Map<String, Object>) yaml.load(in));
    }

    public Map<String, Object> root() {
        return root;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) root.get("Resources");
    }

    /** Resources of one type, by logical id, in template order. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(r.get("Type"))) out.put(id, r);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> resource) {
        Object p = resource.get("Properties");
        return p == null ? Map.of() : (Map<String, Object>) p;
    }

    /** Environment variables every function gets (Globals) merged with a function's own. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> environment(Map<String, Object> function) {
        Map<String, Object> env = new LinkedHashMap<>();
        Object globals = root.get("Globals");
        if (globals instanceof Map<?, ?> g && g.get("Function") instanceof Map<?, ?> f
                && f.get("Environment") instanceof Map<?, ?> e && e.get("Variables") instanceof Map<?, ?> v) {
            env.putAll((Map<String, Object>) v);
        }
        if (properties(function).get("Environment") instanceof Map<?, ?> e && e.get("Variables") instanceof Map<?, ?> v) {
            env.putAll((Map<String, Object>) v);
        }
        return env;
    }

    private static final class CloudFormationConstructor extends SafeConstructor {
        private static final List<String> FUNCTIONS = List.of("GetAtt", "Sub", "Join", "If", "Equals", "Not", "And",
                "Or", "Select", "Split", "FindInMap", "ImportValue", "GetAZs", "Base64", "Cidr", "ToJsonString");

        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String f : FUNCTIONS) yamlConstructors.put(new Tag("!" + f), new Intrinsic("Fn::" + f));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    value = s.getValue();
                    if (name.equals("Fn::GetAtt")) value = List.of(s.getValue().split("\\.", 2));
                } else if (node instanceof SequenceNode s) {
                    value = constructSequence(s);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(name, value);
            }
        }
    }
}
