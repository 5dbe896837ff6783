package dk.rampe.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies (buckpal's rule, kept by a test): the core knows no AWS SDK,
 * no Jackson, no Lambda types and no adapter; adapters know no function; functions know
 * neither each other nor the local runner; nothing deployed knows the local-only code.
 */
class ArchitectureTest {
    /** The core: the domain of each capability and its ports. */
    static final String[] CORE = {"dk.rampe.core..", "dk.rampe.referral..", "dk.rampe.followup",
            "dk.rampe.settings..", "dk.rampe.audit..", "dk.rampe.schedule..", "dk.rampe.log..", "dk.rampe.plan..",
            "dk.rampe.history.."};
    static final String[] ADAPTERS = {"dk.rampe.dynamodb..", "dk.rampe.api..", "dk.rampe.json..",
            "dk.rampe.messaging..", "dk.rampe.calendar..", "dk.rampe.archive.."};
    static final String[] FUNCTIONS = {"dk.rampe.intake..", "dk.rampe.dispatch..", "dk.rampe.followup.page..", "dk.rampe.web..",
            "dk.rampe.todays.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.rampe");
    }

    @Test
    void theCoreImportsNoAwsJacksonOrLambdaType() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "com.fasterxml..")
                .check(classes);
    }

    @Test
    void theCoreKnowsNoAdapterPlatformFunctionOrLocalCode() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(concat(ADAPTERS, FUNCTIONS,
                        new String[] {"dk.rampe.platform..", "dk.rampe.local.."}))
                .check(classes);
    }

    @Test
    void adaptersAndPlatformKnowNoFunctionAndNoLocalCode() {
        noClasses().that().resideInAnyPackage(concat(ADAPTERS, new String[] {"dk.rampe.platform.."}))
                .should().dependOnClassesThat().resideInAnyPackage(concat(FUNCTIONS, new String[] {"dk.rampe.local.."}))
                .check(classes);
    }

    @Test
    void functionsKnowNoOtherFunctionAndNoLocalCode() {
        for (String f : FUNCTIONS) {
            String[] others = java.util.Arrays.stream(FUNCTIONS).filter(o -> !o.equals(f)).toArray(String[]::new);
            noClasses().that().resideInAPackage(f)
                    .should().dependOnClassesThat().resideInAnyPackage(concat(others, new String[] {"dk.rampe.local.."}))
                    .check(classes);
        }
    }

    @Test
    void thePlatformKnowsNoAdapter() {
        noClasses().that().resideInAPackage("dk.rampe.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(classes);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("dk.rampe.(**)").should().beFreeOfCycles().check(classes);
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
