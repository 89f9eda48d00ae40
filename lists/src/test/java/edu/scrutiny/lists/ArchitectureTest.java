package edu.scrutiny.lists;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The lists library is plain Java: it must stay usable from the CLI, Spark executors and tests alike. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("edu.scrutiny.lists");

    @Test
    void dependsOnNothingOfSpringOrJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "org.hibernate..")
                .because("lists is a pure Java library (ENGINEERING.md)")
                .check(classes);
    }

    @Test
    void readersDoNotReachIntoTheApplicationOrTheMatcher() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("edu.scrutiny.app..", "edu.scrutiny.matching..")
                .because("the matcher and the application build on lists, not the other way round")
                .check(classes);
    }
}
