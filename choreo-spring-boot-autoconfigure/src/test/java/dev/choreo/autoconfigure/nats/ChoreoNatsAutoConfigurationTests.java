package dev.choreo.autoconfigure.nats;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.Stage;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoStageAutoConfiguration;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.nats.NatsTransport;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ChoreoNatsAutoConfiguration}, against the local NATS server and
 * servers the tests start with credentials.
 */
class ChoreoNatsAutoConfigurationTests {

	private static BrokerProcess securedServer;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(ChoreoAutoConfiguration.class, ChoreoNatsAutoConfiguration.class, ChoreoStageAutoConfiguration.class));

	@BeforeAll
	static void startSecuredServer() {
		int port = Brokers.freePort();
		securedServer = BrokerProcess.start("nats-autoconfig", "nats-server", port, "-a", "127.0.0.1", "-p",
				String.valueOf(port), "--user", "app", "--pass", "app-s3cret");
	}

	@AfterAll
	static void stopSecuredServer() {
		if (securedServer != null) {
			securedServer.close();
		}
	}

	@BeforeEach
	void requireNats() {
		Brokers.require("NATS", "127.0.0.1", 4222);
	}

	@Test
	void createsNoHarnessWhenNatsIsNotConfigured() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Harness.class);
			assertThat(context).doesNotHaveBean(NatsConnectionDetails.class);
			assertThat(context).doesNotHaveBean(Stage.class);
		});
	}

	@Test
	void connectsAHarnessToTheServersOfTheProperties() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222").run((context) -> {
			assertThat(context).hasSingleBean(NatsConnectionDetails.class);
			Harness harness = context.getBean("natsHarness", Harness.class);
			assertThat(harness.isConnected()).isTrue();
			assertThat(harness.name()).isEqualTo("nats");
			assertThat(context.getBean(Stage.class).harnessNames()).containsExactly("nats");
			roundTrip(harness);
		});
	}

	@Test
	void acceptsTheServersAsAList() {
		this.runner.withPropertyValues("choreo.nats.servers[0]=nats://127.0.0.1:4222")
			.run((context) -> assertThat(context.getBean(Harness.class).isConnected()).isTrue());
	}

	@Test
	void closesTheHarnessWithTheContext() {
		Harness[] harness = new Harness[1];
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222")
			.run((context) -> harness[0] = context.getBean(Harness.class));
		assertThat(harness[0].isConnected()).isFalse();
	}

	@Test
	void usesTheApplicationsConnectionAndLeavesItOpen() {
		this.runner.withUserConfiguration(ApplicationConnection.class).run((context) -> {
			Harness harness = context.getBean(Harness.class);
			assertThat(harness.transport()).isInstanceOf(NatsTransport.class);
			roundTrip(harness);
			harness.close();
			assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222", "choreo.nats.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Harness.class));
	}

	@Test
	void backsOffWithoutTheNatsClient() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222")
			.withClassLoader(new FilteredClassLoader(Connection.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Harness.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnHarness() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222")
			.withUserConfiguration(OwnHarness.class)
			.run((context) -> assertThat(context.getBean("natsHarness", Harness.class).name()).isEqualTo("mine"));
	}

	@Test
	void usesConnectionDetailsFromAServiceConnection() {
		this.runner.withBean(NatsConnectionDetails.class, () -> () -> java.util.List.of("nats://127.0.0.1:4222"))
			.run((context) -> assertThat(context.getBean(Harness.class).isConnected()).isTrue());
	}

	@Test
	void refusesAServerThatIsNotOnTheAllowlistAndNamesTheProperty() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://ops:pw@nats.prod.internal:4222").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(
						"NATS server 'nats://<redacted>@nats.prod.internal:4222' is not on the allowlist");
			assertThat(context.getStartupFailure()).hasMessageContaining("choreo.allowlist.nats-servers")
				.hasMessageNotContaining("pw@");
		});
	}

	@Test
	void refusesLoopbackWhenTheAllowlistSwitchesItOff() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222", "choreo.allowlist.loopback=false")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("loopback endpoints are refused")
				.hasMessageContaining("choreo.allowlist.nats-servers"));
	}

	@Test
	void appliesTheCorrelationProperties() {
		this.runner
			.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222", "choreo.correlation.policy=test-namespace")
			.run((context) -> {
				Harness harness = context.getBean(Harness.class);
				try (Scenario scenario = harness.scenario("namespace")) {
					assertThat(scenario.correlationId()).startsWith("TEST-");
				}
			});
	}

	@Test
	void prefersAnApplicationCorrelationPolicyBean() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222")
			.withBean(CorrelationPolicy.class, () -> CorrelationPolicy.header("x-trace"))
			.run((context) -> assertThat(context.getBean(Harness.class).correlation().usesHeaders()).isTrue());
	}

	@Test
	void authenticatesWithCredentialsFromTheProperties() {
		this.runner
			.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:" + securedServer.port(),
					"choreo.nats.username=app", "choreo.nats.password=app-s3cret")
			.run((context) -> roundTrip(context.getBean(Harness.class)));
	}

	@Test
	void failsTheTestsThatUseTheHarnessWithoutLeakingAWrongPassword() {
		this.runner
			.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:" + securedServer.port(),
					"choreo.nats.username=app", "choreo.nats.password=not-the-Pa55", "choreo.nats.connect-timeout=3s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Harness harness = context.getBean(Harness.class);
				assertThat(harness.isConnected()).isFalse();
				assertThatIllegalStateException().isThrownBy(() -> harness.scenario("wrong password"))
					.satisfies((ex) -> {
						assertThat(ex.getMessage()).startsWith("Choreo's nats harness cannot connect to its broker,"
								+ " configured by choreo.nats.servers: Could not connect to NATS at [nats://127.0.0.1:"
								+ securedServer.port() + "] within 3000ms: ");
						for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
							assertThat(String.valueOf(cause.getMessage())).doesNotContain("not-the-Pa55");
						}
					});
			});
	}

	@Test
	void authenticatesWithAResolverBeanNamedInTheProperties() {
		int[] calls = new int[1];
		this.runner
			.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:" + securedServer.port(),
					"choreo.nats.auth-resolver=vaultNats")
			.withBean("vaultNats", AuthResolver.class, () -> AuthResolver.from(() -> {
				calls[0]++;
				return NatsAuth.userPassword("app", "app-s3cret");
			}))
			.run((context) -> {
				roundTrip(context.getBean(Harness.class));
				assertThat(calls[0]).isEqualTo(1);
			});
	}

	@Test
	void saysWhichBeanIsMissingWhenTheResolverDoesNotExist() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222", "choreo.nats.auth-resolver=nowhere")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("choreo.nats.auth-resolver names the bean 'nowhere', but there is no such bean; define an"
						+ " AuthResolver<NatsAuth> bean with that name"));
	}

	@Test
	void makesTheDefaultTransportPrimaryAndRefusesAnUnknownOne() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222", "choreo.default-transport=kafka")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("choreo.default-transport is 'kafka' but there is no harness bean 'kafkaHarness';"
						+ " the harnesses are [natsHarness]"));
	}

	@Test
	void keepsTheApplicationsOwnPrimaryHarness() {
		this.runner.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222", "choreo.default-transport=nats")
			.withUserConfiguration(OwnPrimaryHarness.class)
			.run((context) -> {
				assertThat(context.getBeansOfType(Harness.class)).containsOnlyKeys("natsHarness", "auditHarness");
				assertThat(context.getBean(Harness.class).name()).isEqualTo("audit");
			});
	}

	private static void roundTrip(Harness harness) {
		try (Scenario scenario = harness.scenario("autoconfig")) {
			String topic = "choreo.autoconfig." + System.nanoTime();
			scenario.expect(topic, fieldEquals("ok", true));
			scenario.publish(topic, Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationConnection {

		@Bean(destroyMethod = "close")
		Connection natsConnection() throws Exception {
			return Nats.connect("nats://127.0.0.1:4222");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnPrimaryHarness {

		@Bean
		@org.springframework.context.annotation.Primary
		Harness auditHarness() {
			return Harness.builder(dev.choreo.transport.InMemoryTransport.create()).name("audit").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHarness {

		@Bean
		Harness natsHarness() {
			return Harness.builder(dev.choreo.transport.InMemoryTransport.create()).name("mine").build();
		}

	}

}
