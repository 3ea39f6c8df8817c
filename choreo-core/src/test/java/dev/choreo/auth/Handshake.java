package dev.choreo.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * Runs a TLS handshake between two SSL contexts entirely in memory (no sockets) and
 * exchanges one application message each way, so the handshake is known to be complete.
 */
final class Handshake {

	private static final int BUFFER = 64 * 1024;

	private final SSLEngine client;

	private final SSLEngine server;

	private Handshake(SSLContext client, SSLContext server, boolean needClientAuth) {
		this.client = client.createSSLEngine("localhost", 443);
		this.client.setUseClientMode(true);
		SSLParameters parameters = this.client.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		this.client.setSSLParameters(parameters);
		this.server = server.createSSLEngine();
		this.server.setUseClientMode(false);
		this.server.setNeedClientAuth(needClientAuth);
	}

	/**
	 * Connect a client to a server.
	 * @return the server's view of the session
	 * @throws SSLException if the handshake fails
	 */
	static SSLSession run(SSLContext client, SSLContext server, boolean needClientAuth) throws SSLException {
		Handshake handshake = new Handshake(client, server, needClientAuth);
		handshake.exchange();
		return handshake.server.getSession();
	}

	private void exchange() throws SSLException {
		ByteBuffer clientOut = ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII));
		ByteBuffer serverOut = ByteBuffer.wrap("pong".getBytes(StandardCharsets.US_ASCII));
		ByteBuffer clientToServer = ByteBuffer.allocate(BUFFER);
		ByteBuffer serverToClient = ByteBuffer.allocate(BUFFER);
		ByteBuffer clientIn = ByteBuffer.allocate(BUFFER);
		ByteBuffer serverIn = ByteBuffer.allocate(BUFFER);
		for (int round = 0; round < 100; round++) {
			this.client.wrap(clientOut, clientToServer);
			runTasks(this.client);
			this.server.wrap(serverOut, serverToClient);
			runTasks(this.server);
			clientToServer.flip();
			serverToClient.flip();
			this.client.unwrap(serverToClient, clientIn);
			runTasks(this.client);
			this.server.unwrap(clientToServer, serverIn);
			runTasks(this.server);
			clientToServer.compact();
			serverToClient.compact();
			if (clientIn.position() == 4 && serverIn.position() == 4) {
				return;
			}
		}
		throw new AssertionError("TLS handshake did not complete");
	}

	private static void runTasks(SSLEngine engine) {
		Runnable task;
		while ((task = engine.getDelegatedTask()) != null) {
			task.run();
		}
	}

}
