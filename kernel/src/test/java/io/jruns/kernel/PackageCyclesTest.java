package io.jruns.kernel;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The kernel's packages depend one way: parts get narrow collaborators, never the kernel, so no
 * package depends on one that depends back on it. Each package is its own slice, the root
 * package {@code io.jruns.kernel} included (a {@code matching("io.jruns.kernel.(**)")} slicing
 * would leave the root out, and the root is where the old hub cycle ran through).
 */
class PackageCyclesTest {
    private static final ArchRule NO_CYCLES = slices().assignedFrom(packagesUnder("io.jruns.kernel"))
            .should().beFreeOfCycles();

    @Test
    void kernelPackagesHaveNoCycle() {
        JavaClasses kernel = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jruns.kernel");
        assertTrue(kernel.contain(JrunsKernel.class), "the kernel's classes were not imported");
        NO_CYCLES.check(kernel);
    }

    @Test
    void theRuleSeesACycleThroughAParentPackage() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.jruns.kernel.cyclefixture");
        AssertionError e = assertThrows(AssertionError.class, () -> NO_CYCLES.check(fixture));
        assertTrue(e.getMessage().contains("Cycle detected"), e.getMessage());
    }

    /** One slice per package under {@code root}, the root itself included. */
    private static SliceAssignment packagesUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals(root) || p.startsWith(root + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages under " + root;
            }
        };
    }
}
