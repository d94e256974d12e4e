package dev.tollgate.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
        .orShould().dependOnClassesThat().belongToAnyOf(java.time.Clock.class,
            java.time.InstantSource.class, java.util.Random.class, java.security.SecureRandom.class,
            java.util.concurrent.ThreadLocalRandom.class)
        .orShould().callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Math.class, "random")
        .orShould().callMethod(java.util.UUID.class, "randomUUID")
        .orShould().callConstructor(java.util.SplittableRandom.class)
        .check(CLASSES);
  }

  @Test
  void adapters_neverDependOnEachOtherOrTheApp() {
    noClasses().that().resideInAPackage("dev.tollgate.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.grpc..",
            "dev.tollgate.proto..", "dev.tollgate.app..", "dev.tollgate.cli..", "io.grpc..",
            "dev.tollgate.oauth..", "dev.tollgate.http..", "org.eclipse.jetty..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.tollgate.grpc..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.persistence..",
            "dev.tollgate.app..", "dev.tollgate.cli..", "org.jdbi..", "java.sql..",
            "dev.tollgate.oauth..", "com.nimbusds..", "dev.tollgate.http..", "org.eclipse.jetty..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.tollgate.oauth..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.persistence..",
            "dev.tollgate.grpc..", "dev.tollgate.proto..", "dev.tollgate.app..",
            "dev.tollgate.cli..", "io.grpc..", "org.jdbi..", "java.sql..", "dev.tollgate.http..",
            "org.eclipse.jetty..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.tollgate.http..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.persistence..",
            "dev.tollgate.grpc..", "dev.tollgate.proto..", "dev.tollgate.oauth..",
            "dev.tollgate.app..", "dev.tollgate.cli..", "io.grpc..", "com.google.protobuf..",
            "org.jdbi..", "java.sql..", "com.nimbusds..")
        .check(CLASSES);
  }

  @Test
  void networkConventions_dependOnTheJdkOnly() {
    classes().that().resideInAPackage("dev.tollgate.net..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tollgate.net..", "java..")
        .check(CLASSES);
  }

  @Test
  void generatedProtocolCode_dependsOnNothingOfOurs() {
    noClasses().that().resideInAPackage("dev.tollgate.proto..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.domain..",
            "dev.tollgate.grpc..", "dev.tollgate.persistence..", "dev.tollgate.app..")
        .check(CLASSES);
  }

  @Test
  void domainRings_pointInward_modelThenPortsThenTheReplicaAndServices() {
    classes().that().resideInAPackage("dev.tollgate.domain.model..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tollgate.domain.model..",
            "java..")
        .check(CLASSES);
    classes().that().resideInAPackage("dev.tollgate.domain.port..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tollgate.domain.model..",
            "dev.tollgate.domain.port..", "java..")
        .check(CLASSES);
    classes().that().resideInAPackage("dev.tollgate.domain.live..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tollgate.domain.model..",
            "dev.tollgate.domain.port..", "dev.tollgate.domain.live..", "java..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.tollgate.domain.service..")
        .should().dependOnClassesThat().resideInAPackage("dev.tollgate.domain.inmemory..")
        .check(CLASSES);
  }

  @Test
  void domainServices_areBuiltByUseCasesOnly() {
    classes().that().resideInAPackage("dev.tollgate.domain.service..")
        .and().haveSimpleNameEndingWith("Service")
        .should().notBePublic()
        .check(CLASSES);
  }

  @Test
  void domainPackages_haveNoCycles() {
    slices().matching("dev.tollgate.domain.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void packages_anywhere_haveNoCycles() {
    slices().matching("dev.tollgate.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void commandLine_neverReachesIntoTheGrpcAdapter() {
    noClasses().that().resideInAPackage("dev.tollgate.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.tollgate.grpc..")
        .check(CLASSES);
  }
}
