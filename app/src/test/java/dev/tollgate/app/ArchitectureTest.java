package dev.tollgate.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hexagon's arrows point inward only; the domain sees no framework, clock or randomness. */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.tollgate");

  @Test
  void domain_dependsOnTheJdkOnly() {
    classes().that().resideInAPackage("dev.tollgate.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tollgate.domain..", "java..")
        .check(CLASSES);
  }

  @Test
  void domain_neverUsesJdbcTheWallClockOrUnseededRandomness() {
    noClasses().that().resideInAPackage("dev.tollgate.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.util.UUID.class, "randomUUID")
        .orShould().callConstructor(java.security.SecureRandom.class)
        .check(CLASSES);
  }

  @Test
  void adapters_neverDependOnEachOtherOrTheApp() {
    noClasses().that().resideInAPackage("dev.tollgate.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.grpc..",
            "dev.tollgate.proto..", "dev.tollgate.app..", "dev.tollgate.cli..", "io.grpc..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.tollgate.grpc..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.persistence..",
            "dev.tollgate.app..", "dev.tollgate.cli..", "org.jdbi..", "java.sql..")
        .check(CLASSES);
  }

  @Test
  void generatedProtocolCode_dependsOnNothingOfOurs() {
    noClasses().that().resideInAPackage("dev.tollgate.proto..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.domain..",
            "dev.tollgate.grpc..", "dev.tollgate.persistence..", "dev.tollgate.app..")
        .check(CLASSES);
  }
}
