package io.jruns.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house rules, over the main classes of every module: no package cycle anywhere, and a
 * module's {@code io.jruns.internal.*} packages used by other modules only where listed here
 * (the qualified exports), so the public API stays what the README says.
 */
class ArchitectureTest {
    /** module → internal packages of other modules it may use. Keep it short; say why. */
    private static final Set<String> ALLOWED = Set.of(
            // the benchmarks measure internals (the writer, stores, evaluators) directly
            "bench→*",
            // the one configured JSON mapper (tracking's), shared so every module reads JSON alike
            "store-rest→io.jruns.internal.json", "views→io.jruns.internal.json", "models→io.jruns.internal.json",
            "kernel→io.jruns.internal.json", "cli→io.jruns.internal.json", "ui→io.jruns.internal.json",
            // the one YAML mapper (models'): export and import write and read MLflow's meta.yaml with it
            "cli→io.jruns.internal.yaml",
            // the UI's MLflow API checks what clients send by the Java API's own rules (MLflow's limits)
            "ui→io.jruns.internal.validate",
            // the REST store applies those same limits to jruns ui, which keeps what the embedded store keeps
            "store-rest→io.jruns.internal.validate",
            // %param, %tag and %metric check a whole line by those rules before logging any of it
            "magics→io.jruns.internal.validate",
            // import reads an export folder's artifacts by the embedded store's own path and link checks
            "cli→io.jruns.internal.files");

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jruns");
        assertTrue(classes.size() > 300, "expected the classes of every module, found " + classes.size());
        java.util.Map<String, Long> counts = classes.stream().collect(java.util.stream.Collectors.groupingBy(Modules::name, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        for (String m : Set.of("tracking", "store-rest", "views", "models", "ui", "magics", "kernel", "cli", "bench")) {
            assertTrue(classes.stream().anyMatch(c -> Modules.name(c).equals(m)), "no classes found from module " + m + ": " + counts + " e.g. " + classes.stream().filter(c -> Modules.name(c).equals("?")).limit(3).map(c -> c.getSource().map(Object::toString).orElse(c.getName())).toList());
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.jruns.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void internalPackagesStayInTheirModule() {
        classes().should(useOnlyTheirOwnOrAllowedInternals()).check(classes);
    }

    @Test
    void theCoreHasNoJupyterNoHttpAndNoRendering() {
        noClasses().that(inModule("tracking")).should().dependOnClassesThat()
                .resideInAnyPackage("org.dflib..", "okhttp3..", "org.eclipse.jetty..", "io.jruns.views..", "io.jruns.model..",
                        "io.jruns.json..", "io.jruns.ui..")
                .check(classes);
    }

    @Test
    void onlyTheUiKnowsTheHttpServerAndOnlyItsBridgeKnowsJetty() {
        noClasses().that(com.tngtech.archunit.base.DescribedPredicate.describe("outside ui",
                        (JavaClass c) -> !Modules.name(c).equals("ui") && !Modules.name(c).equals("bench")))
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..").check(classes);
        noClasses().that().resideOutsideOfPackage("io.jruns.internal.ui.http").and().doNotHaveFullyQualifiedName("io.jruns.ui.UiServer")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..").check(classes);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> inModule(String module) {
        return com.tngtech.archunit.base.DescribedPredicate.describe("in module " + module, c -> Modules.name(c).equals(module));
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnOrAllowedInternals() {
        return new ArchCondition<>("use only their own module's internal packages, or allowed ones") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String from = Modules.name(c);
                if (ALLOWED.contains(from + "→*")) return;
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    String pkg = Modules.internalPackage(target);
                    if (pkg == null) continue;
                    String to = Modules.name(target);
                    if (to.equals(from) || ALLOWED.contains(from + "→" + pkg)) continue;
                    events.add(SimpleConditionEvent.violated(d, from + " uses " + to + "'s internal "
                            + d.getDescription()));
                }
            }
        };
    }
}
