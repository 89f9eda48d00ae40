package edu.scrutiny.matching;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The matching library is plain Java: it runs in the application, the CLI and Spark executors alike. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("edu.scrutiny.matching");

    @Test
    void dependsOnNothingOfSpringOrJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "org.hibernate..")
                .because("matching is a pure Java library (ENGINEERING.md)")
                .check(classes);
    }
}
