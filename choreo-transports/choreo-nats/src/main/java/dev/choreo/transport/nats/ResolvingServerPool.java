package dev.choreo.transport.nats;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.nats.client.Options;
import io.nats.client.ServerPool;
import io.nats.client.impl.NatsServerPool;
import io.nats.client.support.NatsUri;
import org.jspecify.annotations.Nullable;

/**
 * jnats's own server pool, consulted once per connect or reconnect attempt through
 * {@link #nextServer()}: once the connection has been established, every further attempt
 * resolves the credentials again first, and for user and password the address handed out
 * carries them as user information, which jnats sends in its {@code CONNECT}. The pool
 * gives jnats's bookkeeping the plain addresses, so the server list never shows them.
 */
final class ResolvingServerPool implements ServerPool {

	private static final int REMEMBERED = 32;

	private final NatsServerPool delegate = new NatsServerPool();

	private final NatsCredentials.Rotation rotation;

	private final Consumer<RuntimeException> failures;

	private final Map<NatsUri, NatsUri> plain = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<NatsUri, NatsUri> eldest) {
			return size() > REMEMBERED;
		}

	};

	private boolean established;

	ResolvingServerPool(NatsCredentials.Rotation rotation, Consumer<RuntimeException> failures) {
		this.rotation = rotation;
		this.failures = failures;
	}

	@Override
	public void initialize(Options opts) {
		this.delegate.initialize(opts);
	}

	@Override
	public boolean acceptDiscoveredUrls(List<String> discoveredServers) {
		return this.delegate.acceptDiscoveredUrls(discoveredServers);
	}

	@Override
	public @Nullable NatsUri peekNextServer() {
		return withUser(this.delegate.peekNextServer());
	}

	@Override
	public @Nullable NatsUri nextServer() {
		boolean reconnecting;
		synchronized (this) {
			reconnecting = this.established;
		}
		if (reconnecting) {
			try {
				this.rotation.refresh();
			}
			catch (RuntimeException ex) {
				this.failures.accept(ex);
			}
		}
		return withUser(this.delegate.nextServer());
	}

	@Override
	@Deprecated
	@SuppressWarnings("deprecation")
	public @Nullable List<String> resolveHostToIps(String host) {
		return this.delegate.resolveHostToIps(host);
	}

	@Override
	public @Nullable List<String> resolveHostToIps(String host, boolean maxOneResult, boolean includeIPV6) {
		return this.delegate.resolveHostToIps(host, maxOneResult, includeIPV6);
	}

	@Override
	public void connectSucceeded(NatsUri nuri) {
		synchronized (this) {
			this.established = true;
		}
		this.delegate.connectSucceeded(plain(nuri));
	}

	@Override
	public void connectFailed(NatsUri nuri) {
		this.delegate.connectFailed(plain(nuri));
	}

	@Override
	public List<String> getServerList() {
		return this.delegate.getServerList();
	}

	@Override
	public boolean hasSecureServer() {
		return this.delegate.hasSecureServer();
	}

	private synchronized NatsUri plain(NatsUri nuri) {
		NatsUri original = this.plain.get(nuri);
		return (original != null) ? original : nuri;
	}

	private @Nullable NatsUri withUser(@Nullable NatsUri nuri) {
		String user = this.rotation.user();
		if (nuri == null || user == null || nuri.getUserInfo() != null) {
			return nuri;
		}
		char[] password = this.rotation.secret();
		URI uri = nuri.getUri();
		StringBuilder address = new StringBuilder(uri.getScheme()).append("://")
			.append(encode(user))
			.append(':')
			.append(encode(new String(password)))
			.append('@')
			.append(uri.getRawAuthority());
		java.util.Arrays.fill(password, '\0');
		if (uri.getRawPath() != null) {
			address.append(uri.getRawPath());
		}
		if (uri.getRawQuery() != null) {
			address.append('?').append(uri.getRawQuery());
		}
		try {
			NatsUri credentialed = new NatsUri(address.toString());
			synchronized (this) {
				this.plain.put(credentialed, nuri);
			}
			return credentialed;
		}
		catch (URISyntaxException ex) {
			// never shows the address: it holds the password
			throw new IllegalStateException("Could not add the NATS user to the address of " + uri.getHost());
		}
	}

	/**
	 * Percent-encode for the user information, as jnats decodes it: a plus sign stays a
	 * plus sign.
	 */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
