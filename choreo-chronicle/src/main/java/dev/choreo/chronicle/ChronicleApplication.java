package dev.choreo.chronicle;

import dev.choreo.chronicle.storage.DatabaseCredentialsCheck;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Chronicle, the results server. {@code java -jar choreo-chronicle.jar} serves the API;
 * {@code java -jar choreo-chronicle.jar token create <tenant>} creates a tenant token and
 * exits (see {@link TokenCommand});
 * {@code java -jar choreo-chronicle.jar upload results.json ...} posts a stored report to
 * a running Chronicle and exits (see {@link UploadCommand}).
 *
 * @author Choreo
 */
@SpringBootApplication
@EnableConfigurationProperties(ChronicleProperties.class)
public class ChronicleApplication {

	/**
	 * Start the server, or run a command.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		if (UploadCommand.isCommand(args)) {
			System.exit(UploadCommand.run(args, System.out, System.err, System.getenv()));
		}
		if (TokenCommand.isCommand(args)) {
			System.exit(TokenCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(ChronicleApplication.class, args);
	}

	@Bean
	DatabaseCredentialsCheck databaseCredentialsCheck(Environment environment) {
		return DatabaseCredentialsCheck.run(environment);
	}

	/**
	 * Run the database credentials check before any bean is created, so that a refused
	 * start opens no connection to an external database and migrates nothing in it.
	 * @return the post-processor that runs the check
	 */
	@Bean
	static BeanFactoryPostProcessor databaseCredentialsCheckBeforeAnyBean() {
		return (beanFactory) -> DatabaseCredentialsCheck.run(beanFactory.getBean(Environment.class));
	}

}
