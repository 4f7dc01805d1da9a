package io.kerberus.test;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries of ARCHITECTURE.md as ArchUnit rules. Import {@code io.kerberus..} (with
 * every module on the class path) and check each rule; the app module does it for the whole product,
 * and a third-party plugin can do it for itself.
 */
public final class KerberusArchitecture {

    /** Framework types plugins must not see: the web server, templates and JDBC. */
    private static final String[] FRAMEWORKS = {"io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..", "gg.jte..",
        "java.sql..", "javax.sql..", "org.jdbi..", "com.zaxxer.."};

    private KerberusArchitecture() {
    }

    /** The plugin SPI depends on the JDK and SLF4J only. */
    public static final ArchRule PLUGIN_API_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAPackage("io.kerberus.plugin..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.slf4j..", "io.kerberus.plugin..")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("the plugin API is the contract with third-party plugins: JDK and SLF4J types only (ARCHITECTURE.md)");

    /** Nothing outside the platform (and its test kit) reaches into the platform's implementation. */
    public static final ArchRule PLUGINS_DO_NOT_USE_THE_PLATFORM = noClasses()
            .that().resideInAPackage("io.kerberus..")
            .and().resideOutsideOfPackages("io.kerberus.platform..", "io.kerberus.test..", "io.kerberus.app..")
            .should().dependOnClassesThat().resideInAPackage("io.kerberus.platform..")
            .because("plugins see the platform only through io.kerberus.plugin");

    /** Plugins and their -api modules use no web, template or JDBC framework types except through the SPI. */
    public static final ArchRule PLUGINS_DO_NOT_USE_WEB_FRAMEWORKS = noClasses()
            .that().resideInAPackage("io.kerberus..")
            .and().resideOutsideOfPackages("io.kerberus.platform..", "io.kerberus.test..", "io.kerberus.app..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
            .because("routes and pages go through the plugin API, so the web server can change");

    /** -api modules (io.kerberus.<id>, not .plugin) hold only plain model types and interfaces. */
    public static final ArchRule API_MODULES_ARE_FRAMEWORK_FREE = noClasses()
            .that().resideInAPackage("io.kerberus.*")
            .and().resideOutsideOfPackages("io.kerberus.platform", "io.kerberus.test", "io.kerberus.app", "io.kerberus.plugin")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .allowEmptyShould(true)
            .because("-api modules are compile-time dependencies of other plugins (ARCHITECTURE.md)");

    /** A plugin's implementation never depends on another plugin's implementation, only on its -api module. */
    public static final ArchRule PLUGINS_ARE_INDEPENDENT = slices()
            .matching("io.kerberus.(*).plugin..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true)
            .because("only -api modules are compile-time dependencies of other plugins");
}
