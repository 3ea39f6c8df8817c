package dev.choreo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the core: no Spring and no broker client anywhere, the matcher,
 * correlation, auth, transport and internal packages independent of the engine, and a
 * public API that never exposes a package-private or internal type. No checklist item;
 * DESIGN's module and visibility rules.
 */
class ArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.choreo");

	private static final String[] API_PACKAGES = { "dev.choreo", "dev.choreo.match", "dev.choreo.correlation",
			"dev.choreo.transport" };

	@Test
	void theImportSeesTheWholeCore() {
		assertThat(CORE.contain(Harness.class)).isTrue();
		assertThat(CORE.contain(dev.choreo.match.Matchers.class)).isTrue();
		assertThat(CORE.contain(dev.choreo.transport.InMemoryTransport.class)).isTrue();
		assertThat(CORE.contain(dev.choreo.internal.Redaction.class)).isTrue();
		assertThat(CORE.stream().filter((javaClass) -> javaClass.getPackageName().endsWith(".testing"))).isEmpty();
	}

	@Test
	void theCoreDependsOnNoSpringAndNoBrokerClient() {
		noClasses().that()
			.resideInAPackage("dev.choreo..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.nats..", "org.apache.kafka..", "com.rabbitmq..",
					"io.lettuce..", "redis.clients..")
			.check(CORE);
	}

	@Test
	void matchersCorrelationAuthTransportAndInternalsDoNotDependOnTheEngine() {
		noClasses().that()
			.resideInAnyPackage("dev.choreo.match..", "dev.choreo.correlation..", "dev.choreo.auth..",
					"dev.choreo.transport..", "dev.choreo.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.choreo")
			.check(CORE);
	}

	@Test
	void correlationAndInternalsStandAlone() {
		noClasses().that()
			.resideInAnyPackage("dev.choreo.correlation..", "dev.choreo.internal..")
			.should()
			.dependOnClassesThat(DescribedPredicate.describe("are other Choreo classes",
					(JavaClass target) -> isChoreo(target)
							&& !target.getPackageName().startsWith("dev.choreo.correlation")
							&& !target.getPackageName().startsWith("dev.choreo.internal")))
			.check(CORE);
	}

	@Test
	void thePackagesUnderTheRootAreFreeOfCycles() {
		slices().matching("dev.choreo.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void noPublicApiMemberAcceptsOrReturnsAPackagePrivateType() {
		codeUnits().that(arePublicApi(API_PACKAGES))
			.should(exposeOnly("package-private types", ArchitectureTests::isNotPublic))
			.check(CORE);
		fields().that(arePublicApi(API_PACKAGES))
			.should(exposeOnly("package-private types", ArchitectureTests::isNotPublic))
			.check(CORE);
	}

	@Test
	void nothingPublicOutsideTheInternalPackageExposesAnInternalType() {
		codeUnits().that(areOutsideInternalAndPublic())
			.should(exposeOnly("types of dev.choreo.internal", ArchitectureTests::isInternal))
			.check(CORE);
		fields().that(areOutsideInternalAndPublic())
			.should(exposeOnly("types of dev.choreo.internal", ArchitectureTests::isInternal))
			.check(CORE);
	}

	@Test
	void theRulesWouldCatchAnExposedPackagePrivateType() {
		JavaClass scenario = CORE.get(Scenario.class);
		JavaCodeUnit constructor = scenario.getConstructors().iterator().next();
		assertThat(exposedTypes(constructor)).extracting(JavaClass::getName).contains(Scope.class.getName());
		assertThat(isNotPublic(CORE.get(Scope.class))).isTrue();
		assertThat(isInternal(CORE.get(dev.choreo.internal.Redaction.class))).isTrue();
	}

	private static boolean isChoreo(JavaClass javaClass) {
		return javaClass.getPackageName().startsWith("dev.choreo");
	}

	private static boolean isNotPublic(JavaClass javaClass) {
		JavaClass type = javaClass.isArray() ? javaClass.getBaseComponentType() : javaClass;
		return isChoreo(type) && !isEffectivelyPublic(type);
	}

	private static boolean isInternal(JavaClass javaClass) {
		JavaClass type = javaClass.isArray() ? javaClass.getBaseComponentType() : javaClass;
		return type.getPackageName().equals("dev.choreo.internal")
				|| type.getPackageName().startsWith("dev.choreo.internal.");
	}

	private static boolean isEffectivelyPublic(JavaClass javaClass) {
		Optional<JavaClass> current = Optional.of(javaClass);
		while (current.isPresent()) {
			if (!current.get().getModifiers().contains(JavaModifier.PUBLIC)) {
				return false;
			}
			current = current.get().getEnclosingClass();
		}
		return true;
	}

	private static boolean isPublicMember(JavaMember member) {
		return member.getModifiers().contains(JavaModifier.PUBLIC)
				&& !member.getModifiers().contains(JavaModifier.SYNTHETIC) && isEffectivelyPublic(member.getOwner());
	}

	private static DescribedPredicate<JavaMember> arePublicApi(String... packages) {
		Set<String> names = Set.of(packages);
		return DescribedPredicate.describe("are public members of the API packages",
				(member) -> names.contains(member.getOwner().getPackageName()) && isPublicMember(member));
	}

	private static DescribedPredicate<JavaMember> areOutsideInternalAndPublic() {
		return DescribedPredicate.describe("are public members outside dev.choreo.internal",
				(member) -> !isInternal(member.getOwner()) && isPublicMember(member));
	}

	private static List<JavaClass> exposedTypes(JavaMember member) {
		List<JavaType> types = new ArrayList<>();
		if (member instanceof JavaCodeUnit codeUnit) {
			types.add(codeUnit.getReturnType());
			types.addAll(codeUnit.getParameterTypes());
			types.addAll(codeUnit.getThrowsClause().getTypes());
		}
		else if (member instanceof JavaField field) {
			types.add(field.getType());
		}
		List<JavaClass> raw = new ArrayList<>();
		types.forEach((type) -> raw.addAll(type.getAllInvolvedRawTypes()));
		return raw;
	}

	private static <M extends JavaMember> ArchCondition<M> exposeOnly(String description,
			java.util.function.Predicate<JavaClass> forbidden) {
		return new ArchCondition<>("not accept or return " + description) {

			@Override
			public void check(M member, ConditionEvents events) {
				for (JavaClass type : exposedTypes(member)) {
					if (forbidden.test(type)) {
						events.add(SimpleConditionEvent.violated(member,
								member.getFullName() + " exposes " + type.getName()));
					}
				}
			}

		};
	}

}
