package io.kerberus.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.kerberus.test.KerberusArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of ARCHITECTURE.md, checked over every module bundled in the app. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.kerberus");
    }

    @Test
    void pluginApiIsFrameworkFree() {
        KerberusArchitecture.PLUGIN_API_IS_FRAMEWORK_FREE.check(classes);
    }

    @Test
    void pluginsDoNotUseThePlatform() {
        KerberusArchitecture.PLUGINS_DO_NOT_USE_THE_PLATFORM.check(classes);
    }

    @Test
    void pluginsDoNotUseWebFrameworks() {
        KerberusArchitecture.PLUGINS_DO_NOT_USE_WEB_FRAMEWORKS.check(classes);
    }

    @Test
    void apiModulesAreFrameworkFree() {
        KerberusArchitecture.API_MODULES_ARE_FRAMEWORK_FREE.check(classes);
    }

    @Test
    void pluginsAreIndependent() {
        KerberusArchitecture.PLUGINS_ARE_INDEPENDENT.check(classes);
    }
}
