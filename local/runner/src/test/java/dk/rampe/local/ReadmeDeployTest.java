package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's Deploy section, command by command, against what the template and the build give: every
 * name a command uses (a jar, a secret, an output, a user group, an attribute, a scope, a route) must be one
 * the stack has, so the instructions cannot drift from the template. What needs an AWS account (creating the
 * stack, the pool's users) is checked as far as its names go.
 */
class ReadmeDeployTest {
    private static final Path ROOT = Events.projectRoot();
    private final SamTemplate template = SamTemplate.read(ROOT.resolve("infra/sam-template.yaml"));

    /** The Deploy section's shell commands, continuation lines joined, comments dropped. */
    static List<String> deployCommands(String readme) {
        int from = readme.indexOf("\n## Deploy");
        int to = readme.indexOf("\n## ", from + 1);
        String section = readme.substring(from, to < 0 ? readme.length() : to);
        List<String> out = new ArrayList<>();
        Matcher blocks = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (blocks.find()) {
            StringBuilder cmd = new StringBuilder();
            for (String line : blocks.group(1).split("\n")) {
                String l = line.replaceAll("\\s+#.*$", "").strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                boolean more = l.endsWith("\\");
                cmd.append(more ? l.substring(0, l.length() - 1).strip() : l).append(' ');
                if (!more) {
                    out.add(cmd.toString().strip());
                    cmd.setLength(0);
                }
            }
        }
        return out;
    }

    private static Set<String> all(Pattern p, String s) {
        Set<String> out = new HashSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyNameTheDeployCommandsUseIsOneTheTemplateHas() throws Exception {
        List<String> commands = deployCommands(Files.readString(ROOT.resolve("README.md")));
        assertTrue(commands.size() >= 10, commands.toString());
        List<String> problems = problems(commands);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** What in {@code commands} names something the template (or the build) does not have. */
    @SuppressWarnings("unchecked")
    private List<String> problems(List<String> commands) throws Exception {
        String yaml = Files.readString(ROOT.resolve("infra/sam-template.yaml"));
        Map<String, Object> root = template.root();
        Set<String> outputs = ((Map<String, Object>) root.get("Outputs")).keySet();
        Set<String> secretDefaults = new HashSet<>();
        ((Map<String, Map<String, Object>>) root.get("Parameters")).forEach((name, p) -> {
            if (name.endsWith("SecretName")) secretDefaults.add(String.valueOf(p.get("Default")));
        });
        Set<String> groups = all(Pattern.compile("GroupName: (\\S+)"), yaml);
        Set<String> scopes = new HashSet<>();
        for (String s : all(Pattern.compile("ScopeName: (\\S+)"), yaml)) scopes.add("rampe/" + s);
        Set<String> routes = all(Pattern.compile("Path: '?(/v1/[^'\\s}]+)"), yaml);
        List<String> problems = new ArrayList<>();
        for (String c : commands) {
            for (String jar : all(Pattern.compile("CodeUri: \\.\\./(\\S+\\.jar)"), yaml)) {
                if (c.startsWith("mvn ") && !Files.exists(ROOT.resolve(jar))) problems.add(c + ": builds no " + jar);
            }
            if (c.startsWith("sam deploy")) {
                Matcher f = Pattern.compile("--template-file (\\S+)").matcher(c);
                if (!f.find() || !Files.exists(ROOT.resolve(f.group(1)))) problems.add(c + ": no such template");
            }
            Matcher secret = Pattern.compile("create-secret --name (\\S+)").matcher(c);
            if (secret.find() && !secretDefaults.contains(secret.group(1))) {
                problems.add(c + ": no *SecretName parameter defaults to " + secret.group(1));
            }
            for (String o : all(Pattern.compile("OutputKey=='([A-Za-z]+)'"), c)) {
                if (!outputs.contains(o)) problems.add(c + ": the stack has no output " + o);
            }
            for (String g : all(Pattern.compile("--group-name (\\S+)"), c)) {
                if (!groups.contains(g)) problems.add(c + ": the pool has no group " + g);
            }
            for (String a : all(Pattern.compile("Name=custom:([a-z_]+)"), c)) {
                if (!yaml.contains("- Name: " + a)) problems.add(c + ": the pool has no attribute custom:" + a);
            }
            for (String s : all(Pattern.compile("(?:--allowed-o-auth-scopes |scope=)(rampe/[a-z]+)"), c)) {
                if (!scopes.contains(s)) problems.add(c + ": the resource server has no scope " + s);
            }
            for (String r : all(Pattern.compile("<ApiUrl>(/v1/\\S+)"), c)) {
                if (!routes.contains(r)) problems.add(c + ": the API has no route " + r);
            }
        }
        assertFalse(secretDefaults.isEmpty());
        return problems;
    }

    @Test
    void theCheckFindsANameTheTemplateDoesNotHave() throws Exception {
        List<String> commands = deployCommands("# Rampe\n## Deploy\n```sh\naws cognito-idp admin-add-user-to-group \\\n"
                + "  --group-name rampe-nobody   # a comment\naws secretsmanager create-secret --name rampe/other\n```\n"
                + "## Next\n");
        assertEquals(List.of("aws cognito-idp admin-add-user-to-group --group-name rampe-nobody",
                "aws secretsmanager create-secret --name rampe/other"), commands);
        List<String> problems = problems(commands);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("the pool has no group rampe-nobody"), problems.toString());
    }
}
