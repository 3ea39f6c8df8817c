package dev.choreo.test.autoconfigure.app;

import dev.choreo.Harness;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestConstructor.AutowireMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Parameter injection in {@code @ChoreoTest} classes beside Spring's own extension, with
 * and without parameter names compiled in. The fixtures run in a JUnit engine of their
 * own; those without parameter names are compiled by a separate test-compile execution
 * with {@code -parameters} off.
 */
class ChoreoTestExtensionIntegrationTests {

	@BeforeAll
	static void requireNats() {
		Brokers.require("NATS", "127.0.0.1", 4222);
	}

	@Test
	void leavesAutowiredQualifiedValueAndConstructorParametersToSpring() {
		Events tests = run(SpringResolvedFixture.class);
		tests.assertStatistics((stats) -> stats.started(5).succeeded(5));
	}

	@Test
	void choosesByQualifierOrSaysWhatToDoWithoutParameterNames() {
		Class<?> fixture = fixture("WithoutParameterNamesFixture");
		assertThat(fixture.getDeclaredMethods()).allSatisfy((method) -> assertThat(method.getParameters())
			.allSatisfy((parameter) -> assertThat(parameter.isNamePresent()).isFalse()));
		Events tests = run(fixture);
		tests.assertStatistics((stats) -> stats.started(2).succeeded(1).failed(1));
		tests.assertThatEvents()
			.haveExactly(1, event(test("byName"), finishedWithFailure(message("Several Choreo harnesses"
					+ " [memoryHarness, natsHarness] and none is primary, and the test was compiled without parameter"
					+ " names (this parameter is 'arg0'), so its name cannot choose one: annotate it with"
					+ " @Qualifier(\"memoryHarness\"), compile the tests with -parameters, or set"
					+ " choreo.default-transport"))));
	}

	@Test
	void fallsBackToThePrimaryHarnessWithoutParameterNames() {
		run(fixture("WithoutParameterNamesPrimaryFixture")).assertStatistics((stats) -> stats.started(1).succeeded(1));
	}

	/**
	 * Load a fixture compiled without parameter names (after this class).
	 */
	private static Class<?> fixture(String name) {
		try {
			return Class.forName(ChoreoTestExtensionIntegrationTests.class.getPackageName() + "." + name);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Events run(Class<?> fixture) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
	}

	@ChoreoTest(properties = { "choreo.kafka.enabled=false", "choreo.rabbit.enabled=false",
			"choreo.redis.enabled=false", "choreo.correlation.policy=field" })
	@Import(MemoryHarnessConfiguration.class)
	@TestConstructor(autowireMode = AutowireMode.ALL)
	static class SpringResolvedFixture {

		private final Harness constructed;

		SpringResolvedFixture(@Qualifier("natsHarness") Harness constructed) {
			this.constructed = constructed;
		}

		@Test
		void constructor() {
			assertThat(this.constructed.name()).isEqualTo("nats");
		}

		@Test
		void byName(Harness natsHarness, Harness memoryHarness) {
			assertThat(natsHarness.name()).isEqualTo("nats");
			assertThat(memoryHarness.name()).isEqualTo("memory");
		}

		@Test
		void byQualifier(@Qualifier("natsHarness") Harness harness) {
			assertThat(harness.name()).isEqualTo("nats");
		}

		@Test
		void autowired(@Autowired Harness memoryHarness) {
			assertThat(memoryHarness.name()).isEqualTo("memory");
		}

		@Test
		void value(@Value("${choreo.correlation.policy}") String policy, @Qualifier("natsHarness") Harness harness,
				Harness memoryHarness) {
			assertThat(policy).isEqualTo("field");
			assertThat(harness.name()).isEqualTo("nats");
			assertThat(memoryHarness.name()).isEqualTo("memory");
		}

	}

}
