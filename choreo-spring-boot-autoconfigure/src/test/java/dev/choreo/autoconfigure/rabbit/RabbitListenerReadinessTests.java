package dev.choreo.autoconfigure.rabbit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The first scenario waits until the application's {@code @RabbitListener} consumes, and
 * names a listener that never does.
 */
class RabbitListenerReadinessTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, ChoreoAutoConfiguration.class,
				ChoreoRabbitAutoConfiguration.class))
		.withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672",
				"choreo.correlation.policy=field");

	@BeforeEach
	void requireRabbit() {
		Brokers.require("RabbitMQ", "127.0.0.1", 5672);
	}

	@Test
	void theFirstScenarioReachesAConsumingListener() {
		this.runner.withUserConfiguration(Responder.class).run((context) -> {
			try (Scenario scenario = context.getBean(Harness.class).scenario("rabbit listener")) {
				scenario.expect("rabbit.readiness.answered", fieldEquals("ok", true)).within(Duration.ofSeconds(2));
				scenario.publish("rabbit.readiness.asked", Map.of("ok", true))
					.awaitAll(Duration.ofSeconds(10))
					.assertPassed();
			}
		});
	}

	@Test
	void aListenerWithoutAConsumerFailsTheScenarioWithItsNameAndQueues() {
		String queue = "choreo.readiness.missing." + UUID.randomUUID();
		this.runner.withUserConfiguration(MissingQueueListener.class)
			.withPropertyValues("missing.queue=" + queue, "spring.rabbitmq.listener.simple.missing-queues-fatal=false",
					"choreo.await-listeners.timeout=2s")
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> context.getBean(Harness.class).scenario("first"))
				.withMessage("RabbitMQ listener 'missingListener' (queues " + queue + ") had no active consumer after"
						+ " 2s. Choreo waits for the application's listeners before the first scenario, so that no"
						+ " latency budget pays for their start. Check that their topics and queues exist and their"
						+ " brokers are reachable, raise choreo.await-listeners.timeout, or set"
						+ " choreo.await-listeners.enabled=false to start scenarios without waiting."));
	}

	@Configuration(proxyBeanMethods = false)
	static class Responder {

		@Bean
		Queue askedQueue() {
			return new Queue("choreo.readiness.asked." + UUID.randomUUID(), false, true, true);
		}

		@Bean
		Binding askedBinding(Queue askedQueue) {
			return BindingBuilder.bind(askedQueue).to(new TopicExchange("amq.topic")).with("rabbit.readiness.asked");
		}

		@Bean
		Answerer answerer(RabbitTemplate template) {
			return new Answerer(template);
		}

	}

	static class Answerer {

		private final RabbitTemplate template;

		Answerer(RabbitTemplate template) {
			this.template = template;
		}

		@RabbitListener(id = "answerer", queues = "#{askedQueue.name}")
		void answer(org.springframework.amqp.core.Message message) {
			this.template.send("amq.topic", "rabbit.readiness.answered", message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingQueueListener {

		@Bean
		Missing missing() {
			return new Missing();
		}

	}

	static class Missing {

		@RabbitListener(id = "missingListener", queues = "${missing.queue}")
		void receive(String message) {
		}

	}

}
