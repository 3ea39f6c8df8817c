package dev.choreo.testcontainers;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A NATS server in a container, with JetStream on. Works with {@code @ServiceConnection},
 * which turns it into {@code NatsConnectionDetails} for the {@code natsHarness}:
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static NatsContainer nats = new NatsContainer();
 * </pre>
 *
 * @since 0.1.0
 */
public class NatsContainer extends GenericContainer<NatsContainer> {

	/** The default image. */
	public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("nats:2.10");

	/** The client port inside the container. */
	public static final int CLIENT_PORT = 4222;

	/** The monitoring port inside the container. */
	public static final int MONITORING_PORT = 8222;

	private @Nullable String username;

	private @Nullable String password;

	/**
	 * Create a container running the default image.
	 */
	public NatsContainer() {
		this(DEFAULT_IMAGE);
	}

	/**
	 * Create a container running an image compatible with {@code nats}.
	 * @param image the image
	 */
	public NatsContainer(DockerImageName image) {
		super(image);
		image.assertCompatibleWith(DEFAULT_IMAGE);
		withExposedPorts(CLIENT_PORT, MONITORING_PORT);
		withCommand("-js", "-m", String.valueOf(MONITORING_PORT));
		waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
	}

	/**
	 * Require clients to authenticate with a user name and a password.
	 * @param username the user name
	 * @param password the password
	 * @return this container
	 */
	public NatsContainer withCredentials(String username, String password) {
		this.username = username;
		this.password = password;
		return withCommand("-js", "-m", String.valueOf(MONITORING_PORT), "--user", username, "--pass", password);
	}

	/**
	 * Return the URL clients connect to.
	 * @return the URL, such as {@code nats://localhost:32771}
	 */
	public String getServerUrl() {
		return "nats://" + getHost() + ":" + getMappedPort(CLIENT_PORT);
	}

	/**
	 * Return the user name clients authenticate with.
	 * @return the user name, or {@code null} when the server needs none
	 */
	public @Nullable String getUsername() {
		return this.username;
	}

	/**
	 * Return the password clients authenticate with.
	 * @return the password, or {@code null} when the server needs none
	 */
	public @Nullable String getPassword() {
		return this.password;
	}

}
