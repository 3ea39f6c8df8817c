package dev.choreo.examples.auth;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The auth-enabled brokers of the example, each started once per JVM on a spare loopback
 * port, the first time a test asks for it, and stopped when the JVM exits; the shared
 * brokers on the default ports are never used. Each accepts the user {@value #USER} with
 * a password made up for this run, and nobody else.
 * <ul>
 * <li>NATS: {@code nats-server --user --pass};</li>
 * <li>Redis: {@code redis-server} with an ACL user and the default user switched
 * off;</li>
 * <li>RabbitMQ: a node of its own whose only user is {@value #USER} with permissions on
 * the vhost {@value #VHOST} ({@code guest} does not exist);</li>
 * <li>Kafka: an in-process KRaft broker whose listener takes SASL {@code SCRAM-SHA-512};
 * the SCRAM user is created through the admin API by a {@code PLAIN} administrator.</li>
 * </ul>
 * A broker that cannot be started here skips the test that asked for it (fails it under
 * {@code -Dchoreo.e2e.required=true}).
 */
final class AuthBrokers {

	static final String USER = "orders";

	static final String VHOST = "orders";

	static final String NATS_PASSWORD = secret("nats");

	static final String REDIS_PASSWORD = secret("redis");

	static final String RABBIT_PASSWORD = secret("rabbit");

	static final String KAFKA_PASSWORD = secret("kafka");

	/** The Kafka administrator's password, used only to create the SCRAM user. */
	static final String KAFKA_ADMIN_PASSWORD = secret("kafka-admin");

	/** A password no broker accepts. */
	static final String WRONG_PASSWORD = secret("wrong");

	private static final String RABBITMQ_SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server";

	private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

	private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

	private static BrokerProcess nats;

	private static BrokerProcess redis;

	private static BrokerProcess rabbit;

	private static EmbeddedKafkaBroker kafka;

	private AuthBrokers() {
	}

	/** Every secret of the run, which must appear in no log line and no report. */
	static List<String> secrets() {
		return List.of(NATS_PASSWORD, REDIS_PASSWORD, RABBIT_PASSWORD, KAFKA_PASSWORD, KAFKA_ADMIN_PASSWORD,
				WRONG_PASSWORD);
	}

	static synchronized String natsUrl() {
		if (nats == null) {
			int port = Brokers.freePort();
			nats = stopAtExit(BrokerProcess.start("nats-auth", "nats-server", port, "-a", "127.0.0.1", "-p",
					String.valueOf(port), "--user", USER, "--pass", NATS_PASSWORD));
		}
		return "nats://127.0.0.1:" + nats.port();
	}

	static synchronized String redisUrl() {
		if (redis == null) {
			int port = Brokers.freePort();
			redis = stopAtExit(BrokerProcess.start("redis-acl", "redis-server", port, "--port", String.valueOf(port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
					temporaryDirectory("redis").toString(), "--user", USER, "on", ">" + REDIS_PASSWORD, "~*", "&*",
					"+@all", "--user", "default", "off"));
		}
		return "redis://127.0.0.1:" + redis.port();
	}

	static synchronized String rabbitUri() {
		if (rabbit == null) {
			if (!new File(RABBITMQ_SERVER).canExecute()) {
				Brokers.unavailable(RABBITMQ_SERVER + " is not installed, so the example cannot start its own node");
			}
			int port = Brokers.freePort();
			Path directory = temporaryDirectory("rabbitmq");
			write(directory.resolve("rabbitmq.conf"),
					String.join("\n", "listeners.tcp.local = 127.0.0.1:" + port, "default_user = " + USER,
							"default_pass = " + RABBIT_PASSWORD, "default_vhost = " + VHOST,
							"default_permissions.configure = .*", "default_permissions.read = .*",
							"default_permissions.write = .*", ""));
			write(directory.resolve("enabled_plugins"), "[].\n");
			Map<String, String> environment = Map.of("RABBITMQ_NODENAME", "choreo-example-auth-" + port + "@localhost",
					"RABBITMQ_NODE_PORT", String.valueOf(port), "RABBITMQ_DIST_PORT",
					String.valueOf(Brokers.freePort()), "RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString(),
					"RABBITMQ_LOG_BASE", directory.resolve("log").toString(), "RABBITMQ_CONFIG_FILE",
					directory.resolve("rabbitmq.conf").toString(), "RABBITMQ_ENABLED_PLUGINS_FILE",
					directory.resolve("enabled_plugins").toString(), "RABBITMQ_PID_FILE",
					directory.resolve("rabbitmq.pid").toString());
			rabbit = stopAtExit(BrokerProcess.start("rabbitmq-auth", List.of(RABBITMQ_SERVER), environment, port));
		}
		return "amqp://127.0.0.1:" + rabbit.port() + "/" + VHOST;
	}

	static synchronized String kafkaBootstrap() throws Exception {
		if (kafka == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.brokerProperties(Map.of("listener.security.protocol.map",
					"EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT", "sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512",
					"sasl.mechanism.inter.broker.protocol", "PLAIN", "listener.name.external.plain.sasl.jaas.config",
					PLAIN_LOGIN + " required username=\"admin\" password=\"" + KAFKA_ADMIN_PASSWORD + "\" user_admin=\""
							+ KAFKA_ADMIN_PASSWORD + "\";",
					"listener.name.external.scram-sha-512.sasl.jaas.config", SCRAM_LOGIN + " required;",
					"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
			broker.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-auth-shutdown"));
			createScramUser(broker.getBrokersAsString());
			kafka = broker;
		}
		return kafka.getBrokersAsString();
	}

	private static void createScramUser(String bootstrap) throws Exception {
		Map<String, Object> administrator = Map.of("bootstrap.servers", bootstrap, "security.protocol",
				"SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
				PLAIN_LOGIN + " required username=\"admin\" password=\"" + KAFKA_ADMIN_PASSWORD + "\";");
		try (Admin admin = Admin.create(administrator)) {
			admin
				.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
						new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), KAFKA_PASSWORD)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	private static BrokerProcess stopAtExit(BrokerProcess process) {
		Runtime.getRuntime().addShutdownHook(new Thread(process::close, process + " shutdown"));
		return process;
	}

	private static String secret(String name) {
		return name + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private static Path temporaryDirectory(String name) {
		try {
			return Files.createTempDirectory("choreo-example-" + name + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
