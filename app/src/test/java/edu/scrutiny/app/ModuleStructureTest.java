package edu.scrutiny.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's modules: one per top-level package, no cycles, no reaching into another's internals. */
class ModuleStructureTest {
    private final ApplicationModules modules = ApplicationModules.of(ScrutinyApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesAreTheOnesTheDesignNames() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("engagement", "lists", "screening", "directives", "reference", "policy", "assessment", "audit", "support", "cli");
    }
}
